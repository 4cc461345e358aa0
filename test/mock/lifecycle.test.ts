// The mock as a whole: clock modes, stable resets, independence, the journal, fault names.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLangWatchClient } from '@revokit/langwatch';
import { checkEveryResponse } from './support/spec-conformance.js';
import { createLangWatchMock, createVineMock, onUnhandled } from '@revokit/mock';

const server = setupServer();
checkEveryResponse(server);
beforeAll(() => server.listen(onUnhandled('error')));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

describe('clock', () => {
  it('follows vi.setSystemTime in the default mode', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const lw = createLangWatchMock();
    expect(lw.clock.now()).toBe(Date.parse('2030-01-01T00:00:00Z'));
    const { virtual_key } = lw.seed.virtualKey();
    expect(virtual_key.created_at).toBe('2030-01-01T00:00:00.000Z');
    vi.advanceTimersByTime(1_500);
    expect(lw.clock.now()).toBe(Date.parse('2030-01-01T00:00:01.500Z'));
  });

  it('in frozen mode, time moves only through advance/set (no fake timers needed)', async () => {
    const lw = createLangWatchMock({ clock: 'frozen' });
    const start = lw.clock.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(lw.clock.now()).toBe(start);
    lw.clock.advance(10);
    expect(lw.clock.now()).toBe(start + 10);
  });

  it('freeze() and unfreeze() switch modes on a running mock', () => {
    const vine = createVineMock();
    vine.clock.freeze(Date.parse('2031-05-05T00:00:00Z'));
    expect(new Date(vine.clock.now()).toISOString()).toBe('2031-05-05T00:00:00.000Z');
    vine.clock.unfreeze();
    expect(vine.clock.frozen).toBe(false);
  });
});

describe('reset()', () => {
  it('restores the startup state with the same ids and credentials', async () => {
    const lw = createLangWatchMock({ clock: 'frozen' });
    server.use(...lw.handlers);
    const client = createLangWatchClient({ apiKey: lw.defaultProject.apiKey, maxRetries: 0 });
    const { virtual_key } = lw.seed.virtualKey();
    lw.clock.advance(99_000);
    lw.faults.next('revokeApiKey', { status: 500 });
    lw.reset();
    expect(lw.clock.offsetMs).toBeLessThanOrEqual(0);
    expect(lw.requests).toEqual([]);
    expect(lw.faults.pending()).toEqual([]);
    // Seeded after startup: gone. The default project and its key: the same, still valid.
    await expect(client.virtualKeys.revoke(virtual_key.id)).rejects.toMatchObject({ status: 404 });
    const again = lw.seed.virtualKey();
    expect((await client.virtualKeys.revoke(again.virtual_key.id)).virtual_key.status).toBe('revoked');
  });

  it('returns to the state marked with markBaseline(), undoing revocations', async () => {
    const lw = createLangWatchMock({ clock: 'frozen' });
    server.use(...lw.handlers);
    const { virtual_key, secret } = lw.seed.virtualKey();
    lw.markBaseline();
    const client = createLangWatchClient({ apiKey: lw.defaultProject.apiKey, maxRetries: 0 });
    await client.virtualKeys.rotate(virtual_key.id);
    await client.virtualKeys.revoke(virtual_key.id);
    lw.reset();
    const after = lw.snapshot().virtualKeys.get(virtual_key.id)!;
    expect(after).toMatchObject({ secret, revision: 1, revokedAt: null, previous: null });
  });
});

describe('independence', () => {
  it('two mocks share no state, clock, journal or faults', () => {
    const a = createLangWatchMock({ clock: 'frozen' });
    const b = createLangWatchMock({ clock: 'frozen' });
    expect(a.defaultProject.apiKey).not.toBe(b.defaultProject.apiKey);
    const { secret } = a.seed.virtualKey();
    expect(b.gateway.authenticate(secret)).toEqual({ ok: false, reason: 'unknown' });
    a.clock.advance(1_000);
    expect(b.clock.now()).not.toBe(a.clock.now());
    a.faults.next('revokeApiKey', { status: 500 });
    expect(b.faults.pending()).toEqual([]);
  });
});

describe('journal', () => {
  it('records method, url, operation, status and time, with no credential in it', async () => {
    const lw = createLangWatchMock({ clock: 'frozen' });
    server.use(...lw.handlers);
    const { virtual_key, secret } = lw.seed.virtualKey();
    const admin = lw.seed.apiKey();
    const client = createLangWatchClient({ apiKey: lw.defaultProject.apiKey, adminApiKey: admin.token, maxRetries: 0 });
    await client.virtualKeys.rotate(virtual_key.id);
    await client.apiKeys.revoke(admin.id);
    await fetch(`https://gateway.langwatch.ai/v1/models?key=${secret}`, { headers: { authorization: `Bearer ${secret}` } });
    expect(lw.requests.map(({ method, operationId, status }) => ({ method, operationId, status }))).toEqual([
      { method: 'POST', operationId: 'postApiGatewayV1Virtual-keysByIdRotate', status: 200 },
      { method: 'DELETE', operationId: 'revokeApiKey', status: 200 },
      { method: 'GET', operationId: 'gatewayListModels', status: 200 },
    ]);
    expect(lw.requests[0]!.at).toBe(new Date(lw.clock.now()).toISOString());
    const text = JSON.stringify(lw.requests);
    for (const credential of [secret, admin.token, lw.defaultProject.apiKey]) expect(text).not.toContain(credential);
    expect(lw.requests[2]!.url).toContain('key=[redacted]');
  });

  it('is bounded', () => {
    const vine = createVineMock({ journalSize: 2 });
    server.use(...vine.handlers);
    const key = vine.seed.key();
    return Promise.all([1, 2, 3].map(() => fetch(`https://vine.getcourtyard.ai/api/v1/keys/${key.id}/revoke`, { method: 'POST' }))).then(() => {
      expect(vine.requests).toHaveLength(2);
    });
  });
});

describe('operation names', () => {
  it('faults accept exactly the names the README lists', () => {
    const lw = createLangWatchMock();
    for (const name of ['postApiGatewayV1Virtual-keysByIdRevoke', 'postApiGatewayV1Virtual-keysByIdRotate', 'revokeApiKey', 'gatewayListModels', 'gatewayCreateChatCompletion'] as const) {
      expect(() => lw.faults.next(name, { status: 500 })).not.toThrow();
    }
    // @ts-expect-error another mock's operation is a type error too
    expect(() => lw.faults.next('postApiV1KeysByIdRevoke', { status: 500 })).toThrow(/unknown operation/);
    const vine = createVineMock();
    expect(() => vine.faults.next('postApiV1KeysByIdRevoke', { status: 500 })).not.toThrow();
    // @ts-expect-error another mock's operation is a type error too
    expect(() => vine.faults.next('revokeApiKey', { status: 500 })).toThrow(/unknown operation/);
  });
});

describe('requests the mock does not own', () => {
  it('pass through to the consumer\'s other handlers', async () => {
    const lw = createLangWatchMock();
    const { http, HttpResponse } = await import('msw');
    server.use(...lw.handlers, http.get('https://app.langwatch.ai/api/traces', () => HttpResponse.json({ mine: true })));
    const reply = await fetch('https://app.langwatch.ai/api/traces');
    expect(await reply.json()).toEqual({ mine: true });
  });
});
