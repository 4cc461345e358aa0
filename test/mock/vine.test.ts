// Vine's idempotent soft revoke, through MSW and the real Vine client.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, createVineClient } from '@revokit/vine';
import { createVineMock, onUnhandled } from '@revokit/mock';
import { checkEveryResponse, expectConformingBody } from './support/spec-conformance.js';
import { fetchJson } from './support/fetch-json.js';

const OPERATION = 'postApiV1KeysByIdRevoke';
const mock = createVineMock({ clock: 'frozen' });
const server = setupServer(...mock.handlers);
checkEveryResponse(server);
const vine = createVineClient({ maxRetries: 0 });
beforeAll(() => server.listen(onUnhandled('error')));
afterEach(() => mock.reset());
afterAll(() => server.close());

describe('vine keys', () => {
  it('are seeded in the real format, with a cuid-like id (c + 24 lowercase alphanumerics; the length is our guess)', () => {
    const key = mock.seed.key({ name: 'ci', env: 'live' });
    expect(key.id).toMatch(/^c[0-9a-z]{24}$/);
    expect(key.plaintext).toMatch(/^vine_live_[A-Za-z0-9]{32}$/);
    expect(key.keyPrefix).toBe(key.plaintext.slice(0, 12));
    expect(key.name).toBe('ci');
    expect(() => mock.seed.key({ env: 'prod' as never })).toThrow(TypeError);
  });

  it('default to the test environment, as Vine\'s create does ("Defaults to \'test\'")', () => {
    expect(mock.seed.key().plaintext).toMatch(/^vine_test_/);
    expect(mock.seed.key({ name: 'x' }).keyPrefix).toMatch(/^vine_test_[A-Za-z0-9]{2}$/);
  });

  it('revoke sets revokedAt once; repeating returns the same object', async () => {
    const key = mock.seed.key({ name: 'ci' });
    const first = await vine.keys.revoke(key.id);
    expectConformingBody(OPERATION, 200, first);
    expect(first).toEqual({ key: { id: key.id, name: 'ci', keyPrefix: key.keyPrefix, revokedAt: new Date(mock.clock.now()).toISOString() } });
    mock.clock.advance(60_000);
    expect(await vine.keys.revoke(key.id)).toEqual(first);
  });

  it('needs no credential, and ignores one', async () => {
    const key = mock.seed.key();
    const withKey = createVineClient({ apiKey: key.plaintext, maxRetries: 0 });
    expect((await withKey.keys.revoke(key.id)).key?.id).toBe(key.id);
  });

  it('answers 404 in the Vine error envelope for an unknown id', async () => {
    const error = await vine.keys.revoke('key_missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found', body: { error: { code: 'not_found', message: expect.any(String) } } });
    expectConformingBody(OPERATION, 404, (error as NotFoundError).body);
  });
});

describe('detect (the data plane the mock adds: POST /api/v1/detect)', () => {
  const UNAUTHORIZED = { error: { code: 'unauthorized', message: 'Missing, invalid, or revoked key' } };
  const detect = (headers: Record<string, string>, body: unknown = { url: 'https://studio.example/' }) =>
    fetchJson('https://vine.getcourtyard.ai/api/v1/detect', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('answers 200 extraction.v1 with the url and no providers for an active key', async () => {
    const key = mock.seed.key();
    const reply = await detect({ authorization: `Bearer ${key.plaintext}` });
    expect(reply).toMatchObject({ status: 200, body: { schemaVersion: 'extraction.v1', url: 'https://studio.example/', providers: [] } });
  });

  it('answers 401 "Missing, invalid, or revoked key" for a missing, unknown or non-Bearer key, and at once after a revoke', async () => {
    const key = mock.seed.key();
    for (const headers of [{}, { authorization: 'Bearer vine_test_nope' }, { authorization: key.plaintext }, { 'x-api-key': key.plaintext }] as Record<string, string>[]) {
      expect(await detect(headers)).toMatchObject({ status: 401, body: UNAUTHORIZED });
    }
    expect((await detect({ authorization: `Bearer ${key.plaintext}` })).status).toBe(200);
    await vine.keys.revoke(key.id);
    expect(await detect({ authorization: `Bearer ${key.plaintext}` })).toMatchObject({ status: 401, body: UNAUTHORIZED });
  });

  it.each([
    ['no url', {}],
    ['a url that is not a URL', { url: 'not a url' }],
    ['a url that is not a string', { url: 7 }],
    ['a field DetectRequest does not define', { url: 'https://a.example/', depth: 2 }],
    ['a body that is not JSON', '{"url":'],
  ])('answers 422 validation_failed for %s (after the key check)', async (_case, body) => {
    const key = mock.seed.key();
    const reply = await detect({ authorization: `Bearer ${key.plaintext}` }, body);
    expect(reply).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', message: expect.any(String) } } });
    expect((await detect({}, body)).status).toBe(401);
  });
});

describe('create (POST /api/v1/keys)', () => {
  const create = (body: unknown, headers: Record<string, string> = {}) =>
    fetchJson('https://vine.getcourtyard.ai/api/v1/keys', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('answers 201 { key: KeyCreated } with the one-time plaintext, env test and the documented scopes by default', async () => {
    const reply = await create({ name: 'my-first-key' });
    expect(reply.status).toBe(201);
    const { key } = reply.body;
    expect(key).toEqual({
      id: expect.stringMatching(/^c[0-9a-z]{24}$/),
      name: 'my-first-key',
      keyPrefix: key.plaintext.slice(0, 12),
      plaintext: expect.stringMatching(/^vine_test_[A-Za-z0-9]{32}$/),
      scopes: ['detect', 'extract', 'extractions:read'],
      rateTier: 'internal',
      createdAt: new Date(mock.clock.now()).toISOString(),
    });
    expect(Object.keys(key)).toEqual(['id', 'name', 'keyPrefix', 'plaintext', 'scopes', 'rateTier', 'createdAt']);
  });

  it('takes env and scopes, needs no credential, and makes a key detect accepts at once and revoke knows', async () => {
    const { key } = (await create({ name: 'live one', env: 'live', scopes: ['detect'] }, { authorization: 'Bearer anything' })).body;
    expect(key).toMatchObject({ plaintext: expect.stringMatching(/^vine_live_/), scopes: ['detect'] });
    const detect = () => fetchJson('https://vine.getcourtyard.ai/api/v1/detect', { method: 'POST', headers: { authorization: `Bearer ${key.plaintext}`, 'content-type': 'application/json' }, body: '{"url":"https://a.example/"}' });
    expect((await detect()).status).toBe(200);
    expect((await vine.keys.revoke(key.id)).key?.id).toBe(key.id);
    expect((await detect()).status).toBe(401);
  });

  it('does not enforce scopes: a key without "detect" still detects (the docs say nothing of enforcement)', async () => {
    const { key } = (await create({ name: 'no scopes', scopes: [] })).body;
    expect(key.scopes).toEqual([]);
    const reply = await fetchJson('https://vine.getcourtyard.ai/api/v1/detect', { method: 'POST', headers: { authorization: `Bearer ${key.plaintext}`, 'content-type': 'application/json' }, body: '{"url":"https://a.example/"}' });
    expect(reply.status).toBe(200);
  });

  it('mints a new key for each create, even with the same name', async () => {
    const [a, b] = [(await create({ name: 'twin' })).body.key, (await create({ name: 'twin' })).body.key];
    expect(a.id).not.toBe(b.id);
    expect(a.plaintext).not.toBe(b.plaintext);
  });

  it.each([
    ['no name', {}],
    ['an empty name', { name: '' }],
    ['a name of 101 characters', { name: 'n'.repeat(101) }],
    ['an unknown env', { name: 'k', env: 'prod' }],
    ['scopes that are not strings', { name: 'k', scopes: [1] }],
    ['a field CreateKeyRequest does not define (additionalProperties: false)', { name: 'k', rateTier: 'internal' }],
    ['a body that is not JSON', '{"name":'],
    ['a body that is an array', []],
  ])('answers 422 validation_failed in Vine\'s envelope for %s, creating nothing', async (_case, body) => {
    const reply = await create(body);
    expect(reply).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', message: expect.any(String) } } });
    expect(mock.snapshot().keys.size).toBe(0);
  });

  it('takes a name of exactly 100 characters', async () => {
    expect((await create({ name: 'n'.repeat(100) })).status).toBe(201);
  });
});
