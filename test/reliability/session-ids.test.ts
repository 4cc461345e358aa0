// Findings 3, 4 and 10 of issue 17, on session ids and who may create a session.
// 3: "." and ".." are path segments every URL-normalising client removes, so "session .." drove
//    the default world; they are refused everywhere (header, prefix, sessionUrl(), sessionHeaders()).
// 4: a session id is client text like any other: a credential used as one is redacted in the session
//    list (and so in the dashboard's picker) and in every answer that quotes it.
// 10: with a control token, a control-plane request without it is refused before any session is
//     created, and its 401 comes before the session's own 400 and 429.
import { describe, expect, it } from 'vitest';
import { sessionHeaders, sessionUrl } from '@revokit/mock/server';
import { useServer } from '../server/support/server.js';
import { leaked, randomPart } from './support/leaks.js';

describe('"." and ".." are no session ids (finding 3)', () => {
  const api = useServer({ clock: 'frozen' });

  it('in the header, the path prefix, sessionUrl() and sessionHeaders()', async () => {
    const { vine_key } = api.server.credentials.demo!;
    const now = async () => (await api.get('/__mock/clock')).body.now as string;
    const before = await now(); // frozen: it moves only when told to
    for (const id of ['.', '..']) {
      expect((await api.post('/__mock/clock', { advance_ms: 86_400_000 }, { 'x-revokit-session': id })).status, `header ${id}`).toBe(400);
      expect((await api.post(`/__session/${id}/__mock/clock`, { advance_ms: 86_400_000 })).status, `prefix ${id}`).toBe(400);
      const revoke = await api.send('POST', `/__session/${id}/api/v1/keys/${vine_key.id}/revoke`);
      expect(revoke.status, `revoke through ${id}`).toBe(400);
      expect(revoke.body.error.code).toBe('bad_request'); // Vine's envelope on Vine's route
      expect(() => sessionUrl(api.url, id)).toThrow(TypeError);
      expect(() => sessionHeaders(id)).toThrow(TypeError);
    }
    expect(await now()).toBe(before);
    expect(api.server.vine.snapshot().keys.get(vine_key.id)!.revokedAt).toBeNull();
    expect(api.server.sessions.size).toBe(0);
    // Other ids with dots stay valid: only these two normalise away.
    expect((await api.get('/__mock/clock', { 'x-revokit-session': '...' })).status).toBe(200);
    expect(sessionUrl(api.url, 'v1.2')).toBe(`${api.url}/__session/v1.2`);
  });
});

describe('a credential used as a session id (finding 4)', () => {
  const api = useServer();

  it('is redacted in the session list and in the 404 that quotes it', async () => {
    const { project, demo } = api.server.credentials;
    const adminSecret = randomPart(demo!.admin_api_key.token); // 48 characters, no prefix: a valid session id
    expect((await api.get('/__mock/clock', { 'x-revokit-session': adminSecret })).status).toBe(200);
    const list = await api.get('/__mock/sessions');
    expect(list.body.sessions).toHaveLength(1);
    expect(list.body.sessions[0].id).toBe('[redacted]');
    expect(leaked(list.text, [demo!.admin_api_key.token])).toEqual([]);

    const missing = await api.send('DELETE', `/__mock/sessions/${project.apiKey}`);
    expect(missing.status).toBe(404);
    expect(leaked(missing.text, [project.apiKey])).toEqual([]);
    // Its owner, who knows the id, still ends it.
    expect((await api.send('DELETE', `/__mock/sessions/${adminSecret}`)).status).toBe(204);
    expect(leaked(JSON.stringify(api.logLines), [project.apiKey, demo!.admin_api_key.token])).toEqual([]);
  });
});

describe('the control token comes before any session (finding 10)', () => {
  const TOKEN = 'tok-0123456789abcdef';
  const api = useServer({ controlToken: TOKEN, maxSessions: 1 });
  const auth = { authorization: `Bearer ${TOKEN}` };

  it('a control-plane request without the token creates no session', async () => {
    expect((await api.get('/__session/nt-1/__mock/clock')).status).toBe(401);
    expect((await api.get('/__mock/credentials', { 'x-revokit-session': 'nt-2' })).status).toBe(401);
    expect(api.server.sessions.size).toBe(0);
    expect((await api.get('/__mock/clock', { ...auth, 'x-revokit-session': 'nt-3' })).status).toBe(200);
    expect(api.server.sessions.list().map((s) => s.id)).toEqual(['nt-3']);
  });

  it('answers 401 before a bad session id (400) and before a session past the bound (429)', async () => {
    expect((await api.get('/__mock/clock', { 'x-revokit-session': 'bad id!' })).status).toBe(401);
    expect((await api.get('/__mock/clock', { 'x-revokit-session': 'one-too-many' })).status).toBe(401);
    expect((await api.get('/__mock/clock', { ...auth, 'x-revokit-session': 'bad id!' })).status).toBe(400);
    expect((await api.get('/__mock/clock', { ...auth, 'x-revokit-session': 'one-too-many' })).status).toBe(429);
  });
});
