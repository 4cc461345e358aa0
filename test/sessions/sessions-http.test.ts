// Sessions over HTTP: each is a whole world (state seeded anew, clock, faults, journal), chosen by
// the X-Revokit-Session header or a /__session/<id>/ prefix; the control plane acts on the chosen
// one; bad ids, a missing session when required, and one session too many are refused in the
// API's own envelope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '@revokit/mock/core/index';
import { createLangWatchClient } from '@revokit/langwatch';
import { createMockServer, sessionHeaders, sessionUrl, type MockServer, type MockServerOptions } from '@revokit/mock/server';
import { send, type Reply } from '../server/support/server.js';

const json = { 'content-type': 'application/json' };

function useServer(options: MockServerOptions = {}) {
  const state = {} as { server: MockServer; url: string };
  beforeAll(async () => {
    state.server = createMockServer(options);
    state.url = await state.server.listen({ port: 0 });
  });
  afterAll(() => state.server.close());
  return state;
}

/** What a worker finds out about its own session through the control plane. */
async function credentialsOf(url: string, id: string) {
  const reply = await send(url, 'GET', '/__mock/credentials', { headers: sessionHeaders(id) });
  expect(reply.status).toBe(200);
  return reply.body as { project: { id: string; api_key: string }; demo: { virtual_key: { id: string; secret: string }; vine_key: { id: string } } };
}

describe('a session is a whole world', () => {
  const api = useServer();

  it('is created on first use, seeded like a fresh server with credentials of its own', async () => {
    const a = await credentialsOf(api.url, 'worker-a');
    const b = await credentialsOf(api.url, 'worker-b');
    const main = api.server.credentials;
    const secrets = [a.project.api_key, a.demo.virtual_key.secret, b.project.api_key, b.demo.virtual_key.secret, main.project.apiKey, main.demo!.virtual_key.secret];
    expect(new Set(secrets).size).toBe(6); // no two worlds share a secret
    // A session's key is unknown to the default world and to the other session.
    const models = (headers: Record<string, string>, secret: string) => send(api.url, 'GET', '/v1/models', { headers: { ...headers, authorization: `Bearer ${secret}` } });
    expect((await models(sessionHeaders('worker-a'), a.demo.virtual_key.secret)).status).toBe(200);
    expect((await models({}, a.demo.virtual_key.secret)).status).toBe(401);
    expect((await models(sessionHeaders('worker-b'), a.demo.virtual_key.secret)).status).toBe(401);
  });

  it('the path prefix and the header name the same session; a base URL is all an SDK needs', async () => {
    const creds = await credentialsOf(api.url, 'prefix-1');
    const defaultJournal = (await send(api.url, 'GET', '/__mock/requests')).body;
    const lw = createLangWatchClient({ apiKey: creds.project.api_key, baseUrl: sessionUrl(api.url, 'prefix-1') });
    const { virtual_key } = await lw.virtualKeys.revoke(creds.demo.virtual_key.id);
    expect(virtual_key.status).toBe('revoked');
    const journal = (await send(api.url, 'GET', '/__mock/requests', { headers: sessionHeaders('prefix-1') })).body;
    expect(journal.langwatch).toEqual([
      { method: 'POST', url: `/api/gateway/v1/virtual-keys/${creds.demo.virtual_key.id}/revoke`, operation_id: 'postApiGatewayV1Virtual-keysByIdRevoke', status: 200, at: expect.any(String) },
    ]);
    // Nothing reached the default world's journal.
    expect((await send(api.url, 'GET', '/__mock/requests')).body).toEqual(defaultJournal);
  });

  it('clock, faults and reset act on the named session only', async () => {
    const post = (id: string | undefined, path: string, body: unknown) =>
      send(api.url, 'POST', id ? `/__session/${id}${path}` : path, { headers: json, body: JSON.stringify(body) });
    await post('clock-a', '/__mock/clock', { frozen: true, advance_ms: 3_600_000 });
    await post('clock-a', '/__mock/faults', { operation_id: 'postApiV1KeysByIdRevoke', status: 503 });
    const clockOf = async (id?: string) => (await send(api.url, 'GET', id ? `/__session/${id}/__mock/clock` : '/__mock/clock')).body;
    expect(await clockOf('clock-a')).toMatchObject({ frozen: true });
    expect((await clockOf('clock-a')).offset_ms).toBeGreaterThan(3_590_000);
    expect(await clockOf('clock-b')).toMatchObject({ frozen: false });
    expect(await clockOf()).toMatchObject({ frozen: false });

    const vineA = (await credentialsOf(api.url, 'clock-a')).demo.vine_key.id;
    const vineB = (await credentialsOf(api.url, 'clock-b')).demo.vine_key.id;
    expect((await post('clock-a', `/api/v1/keys/${vineA}/revoke`, {})).status).toBe(503);
    expect((await post('clock-b', `/api/v1/keys/${vineB}/revoke`, {})).status).toBe(200);

    expect((await post('clock-a', '/__mock/reset', {})).status).toBe(204);
    expect(await clockOf('clock-a')).toMatchObject({ frozen: false });
    expect((await credentialsOf(api.url, 'clock-a')).demo.vine_key.id).toBe(vineA); // same world, back to its baseline
  });

  it('GET /__mock/sessions lists id, created, last used and request count, never a secret; DELETE ends one', async () => {
    await credentialsOf(api.url, 'listed');
    const reply = await send(api.url, 'GET', '/__mock/sessions');
    const listed = reply.body.sessions.find((s: { id: string }) => s.id === 'listed');
    expect(listed).toEqual({ id: 'listed', created: expect.any(String), last_used: expect.any(String), requests: 1 });
    expect(reply.text).not.toMatch(/sk-lw-|lw_vk_|vine_(live|test)_/);

    const old = await credentialsOf(api.url, 'listed');
    expect((await send(api.url, 'DELETE', '/__mock/sessions/listed')).status).toBe(204);
    expect((await send(api.url, 'DELETE', '/__mock/sessions/listed')).status).toBe(404);
    expect((await credentialsOf(api.url, 'listed')).project.api_key).not.toBe(old.project.api_key); // a new world
  });
});

describe('refusals', () => {
  const api = useServer({ maxSessions: 2, requireSession: true });
  const expectRefusal = (reply: Reply, status: number, pattern: RegExp) => {
    expect(reply.status, reply.text).toBe(status);
    expect(reply.text).toMatch(pattern);
  };

  it('an id outside the rule is a 400 that names the rule, in each API\'s envelope', async () => {
    const vine = await send(api.url, 'POST', '/api/v1/keys/k/revoke', { headers: { 'x-revokit-session': 'a b' } });
    expectRefusal(vine, 400, /1 to 64 characters/);
    expect(vine.body).toEqual({ error: { code: expect.any(String), message: expect.stringMatching(/is not a session id/) } });
    const langwatch = await send(api.url, 'DELETE', '/api/api-keys/x', { headers: { 'x-revokit-session': 'x'.repeat(65) } });
    expectRefusal(langwatch, 400, /1 to 64 characters/);
    expect(langwatch.body).toEqual({ error: expect.any(String), message: expect.stringMatching(/is not a session id/) });
    const gateway = await send(api.url, 'GET', '/__session/a%2Fb/v1/models');
    expectRefusal(gateway, 400, /1 to 64 characters/);
    expect(gateway.body.error).toMatchObject({ type: expect.any(String), message: expect.any(String) });
    expectRefusal(await send(api.url, 'GET', '/__mock/clock', { headers: { 'x-revokit-session': '' } }), 400, /1 to 64 characters/);
    expectRefusal(await send(api.url, 'GET', '/__session/s1/__mock/clock', { headers: { 'x-revokit-session': 's2' } }), 400, /different sessions/);
  });

  it('--require-session: a request naming no session is a 400 saying how to send one; health and the session list still answer', async () => {
    expectRefusal(await send(api.url, 'POST', '/api/v1/keys/k/revoke'), 400, /X-Revokit-Session|x-revokit-session/i);
    expectRefusal(await send(api.url, 'POST', '/__mock/reset'), 400, /__session\/<id>/);
    expect((await send(api.url, 'GET', '/__mock/health')).status).toBe(200);
    expect((await send(api.url, 'GET', '/__mock/sessions')).status).toBe(200);
  });

  it('one session past --max-sessions gets 429 in the API\'s envelope; ending one makes room', async () => {
    expect((await send(api.url, 'GET', '/__session/one/__mock/clock')).status).toBe(200);
    expect((await send(api.url, 'GET', '/__session/two/__mock/clock')).status).toBe(200);
    const third = await send(api.url, 'POST', '/__session/three/api/v1/keys/k/revoke');
    expectRefusal(third, 429, /already holds 2 sessions/);
    expect(third.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    expect((await send(api.url, 'GET', '/__session/one/__mock/clock')).status).toBe(200); // existing ones still answer
    expect((await send(api.url, 'DELETE', '/__mock/sessions/two')).status).toBe(204);
    expect((await send(api.url, 'GET', '/__session/three/__mock/clock')).status).toBe(200);
  });
});

describe('idle sessions end after --session-ttl, at the exact edge (session clock)', () => {
  const clock = createClock('frozen');
  const api = useServer({ sessionTtlMs: 60_000, maxSessions: 1, sessionClock: clock });

  it('idle ttl - 1 ms: the same world; idle ttl: a new one; an idle one frees its slot for a newcomer', async () => {
    const first = await credentialsOf(api.url, 'idle');
    clock.advance(59_999);
    expect((await credentialsOf(api.url, 'idle')).project.api_key).toBe(first.project.api_key); // a use: the idle time starts again
    clock.advance(60_000);
    expect((await credentialsOf(api.url, 'idle')).project.api_key).not.toBe(first.project.api_key);

    expect((await send(api.url, 'GET', '/__session/newcomer/__mock/clock')).status).toBe(429); // bound of 1, "idle" is live
    clock.advance(59_999);
    expect((await send(api.url, 'GET', '/__session/newcomer/__mock/clock')).status).toBe(429);
    clock.advance(1);
    expect((await send(api.url, 'GET', '/__session/newcomer/__mock/clock')).status).toBe(200);
    expect((await send(api.url, 'GET', '/__mock/sessions')).body.sessions.map((s: { id: string }) => s.id)).toEqual(['newcomer']);
  });
});

describe('the control plane off loopback needs a token', () => {
  it('a minted token, required on every /__mock/ route but health; API routes stay open', async () => {
    const server = createMockServer();
    const url = (await server.listen({ host: '0.0.0.0', port: 0 })).replace('0.0.0.0', '127.0.0.1');
    try {
      const token = server.controlToken!;
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect((await send(url, 'GET', '/__mock/health')).status).toBe(200);
      const denied = await send(url, 'GET', '/__mock/credentials');
      expect(denied.status).toBe(401);
      expect(denied.text).not.toContain(server.credentials.project.apiKey);
      expect((await send(url, 'GET', '/__mock/credentials', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await send(url, 'GET', '/__mock/credentials', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      expect((await send(url, 'GET', '/__mock/sessions', { headers: { 'x-revokit-control-token': token } })).status).toBe(200);
      expect((await send(url, 'POST', `/api/v1/keys/${server.credentials.demo!.vine_key.id}/revoke`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('none on loopback unless one is given', async () => {
    const open = createMockServer();
    const given = createMockServer({ controlToken: 'a-token-of-sixteen+' });
    try {
      const openUrl = await open.listen({ port: 0 });
      const givenUrl = await given.listen({ port: 0 });
      expect(open.controlToken).toBeUndefined();
      expect((await send(openUrl, 'GET', '/__mock/credentials')).status).toBe(200);
      expect((await send(givenUrl, 'GET', '/__mock/credentials')).status).toBe(401);
      expect((await send(givenUrl, 'GET', '/__mock/credentials', { headers: { authorization: 'Bearer a-token-of-sixteen+' } })).status).toBe(200);
    } finally {
      await Promise.all([open.close(), given.close()]);
    }
  });
});
