import { describe, expect, it } from 'vitest';
import { defineOperation, jsonBody } from './operation.js';
import { createRedactor } from './redact.js';
import type { RequestContext } from './request.js';
import { json, scriptedFetch } from './testing/fake-fetch.js';

function context(fetch = scriptedFetch(json(200, {}))): RequestContext {
  return { baseUrl: 'https://api.test', fetch, timeoutMs: 1000, maxRetries: 0, redact: createRedactor([]), readErrorEnvelope: () => undefined, validate: undefined };
}

describe('jsonBody', () => {
  it('serialises an object', () => {
    expect(jsonBody({ a: 1, b: undefined, c: [1] }, 'things.create')).toBe('{"a":1,"c":[1]}');
  });

  it.each([undefined, null, 'text', 1, true, [1]])('refuses %j, naming the method', (value) => {
    expect(() => jsonBody(value, 'things.create')).toThrow(new TypeError('things.create takes an object as its request body'));
  });
});

describe('defineOperation', () => {
  const base = { operation: 'op', policy: 'idempotent', headers: { 'X-Key': 'k' }, secretPrefixes: ['sk-'] } as const;

  it('fills {id}, sends the credential header, and a JSON body with its content type', async () => {
    const fetch = scriptedFetch(json(200, { ok: true }));
    const call = defineOperation(context(fetch), { ...base, name: 'things.update', method: 'PATCH', path: '/things/{id}', json: true });
    await expect(call('a b', { name: 'x' }, undefined)).resolves.toEqual({ ok: true });
    expect(fetch.requests[0]).toMatchObject({ method: 'PATCH', url: 'https://api.test/things/a%20b', body: '{"name":"x"}' });
    expect(Object.fromEntries(fetch.requests[0]!.headers)).toEqual({ 'x-key': 'k', 'content-type': 'application/json' });
  });

  it('sends neither body nor content type for an operation without one, and no id where the route has none', async () => {
    const fetch = scriptedFetch(json(200, {}));
    await defineOperation(context(fetch), { ...base, name: 'things.list', method: 'GET', path: '/things' })('ignored', { ignored: true }, undefined);
    expect(fetch.requests[0]).toMatchObject({ method: 'GET', url: 'https://api.test/things', body: '' });
    expect(fetch.requests[0]!.headers.get('content-type')).toBeNull();
  });

  it('checks the credential, then the id, then the body, all before any request', async () => {
    const fetch = scriptedFetch(json(200, {}));
    const order: string[] = [];
    const call = defineOperation(context(fetch), {
      ...base,
      name: 'things.update',
      method: 'PATCH',
      path: '/things/{id}',
      json: true,
      check: () => {
        order.push('credential');
        throw new TypeError('things.update needs the key');
      },
    });
    await expect(call('..', null, undefined)).rejects.toThrow('things.update needs the key');
    const unchecked = defineOperation(context(fetch), { ...base, name: 'things.update', method: 'PATCH', path: '/things/{id}', json: true });
    await expect(unchecked('..', null, undefined)).rejects.toThrow(/^id must be/);
    await expect(unchecked('sk-secret', {}, undefined)).rejects.toThrow(/looks like a secret key/);
    await expect(unchecked('t1', null, undefined)).rejects.toThrow(/takes an object/);
    expect(order).toEqual(['credential']);
    expect(fetch.requests).toHaveLength(0);
  });
});
