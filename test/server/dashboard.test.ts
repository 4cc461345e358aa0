// /__mock/ui from createMockServer: the dashboard's files served from memory, with no data and no
// secret in them, open without the control token and without a session (its API calls need both
// as usual), and the listings its timeline reads.
import { describe, expect, it } from 'vitest';
import { formatBanner, formatBannerJson } from '@revokit/mock/cli/banner';
import { createMockServer } from '@revokit/mock/server';
import { useServer } from './support/server.js';

const TOKEN = 'a-control-token';

describe('the dashboard files', () => {
  const api = useServer({ controlToken: TOKEN, requireSession: true });

  it('serves the page, its script and styles, with a CSP that allows only them', async () => {
    for (const [path, type] of [
      ['/__mock/ui', 'text/html; charset=utf-8'],
      ['/__mock/ui/', 'text/html; charset=utf-8'],
      ['/__mock/ui/app.js', 'text/javascript; charset=utf-8'],
      ['/__mock/ui/app.css', 'text/css; charset=utf-8'],
    ]) {
      const reply = await api.get(path!);
      expect(reply.status, path).toBe(200);
      expect(reply.headers['content-type'], path).toBe(type);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(reply.text));
    }
    const page = await api.get('/__mock/ui');
    expect(page.text).toContain('<script type="module" src="/__mock/ui/app.js">');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'/);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('needs neither the control token nor a session, while the control plane needs both', async () => {
    expect((await api.get('/__mock/ui')).status).toBe(200);
    expect((await api.get('/__mock/clock', { 'x-revokit-session': 'ui' })).status).toBe(401);
    expect((await api.get('/__mock/clock', { authorization: `Bearer ${TOKEN}` })).body.error).toBe('session_required');
    expect((await api.get('/__mock/clock', { authorization: `Bearer ${TOKEN}`, 'x-revokit-session': 'ui' })).status).toBe(200);
  });

  it('holds no secret: no credential, no token', async () => {
    const served = (await Promise.all(['/__mock/ui', '/__mock/ui/app.js', '/__mock/ui/app.css'].map((path) => api.get(path)))).map((reply) => reply.text).join('\n');
    const { project, demo } = api.server.credentials;
    for (const secret of [TOKEN, project.apiKey, demo!.virtual_key.secret, demo!.admin_api_key.token, demo!.vine_key.plaintext]) expect(served).not.toContain(secret);
  });

  it('answers unknown files 404, other methods 405, HEAD without a body, a matching ETag 304', async () => {
    expect((await api.get('/__mock/ui/index.php')).status).toBe(404);
    expect((await api.get('/__mock/ui/index.php')).body.error).toBe('not_found');
    const post = await api.send('POST', '/__mock/ui');
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD, OPTIONS']);
    const head = await api.send('HEAD', '/__mock/ui/app.js');
    expect([head.status, head.text]).toEqual([200, '']);
    const etag = (await api.get('/__mock/ui/app.js')).headers.etag as string;
    expect((await api.get('/__mock/ui/app.js', { 'if-none-match': etag })).status).toBe(304);
    // /__mock/uix is not the dashboard: it needs the token (checked first) and a session like any control route.
    expect((await api.get('/__mock/uix')).body.error).toBe('unauthorized');
    expect((await api.get('/__mock/uix', { 'x-revokit-session': 'ui' })).status).toBe(401);
    expect((await api.get('/__mock/uix', { authorization: `Bearer ${TOKEN}` })).body.error).toBe('session_required');
  });

  it('logs its requests like any other, with no query string', async () => {
    await api.get(`/__mock/ui?token=${TOKEN}`);
    const line = api.logLines.map((text) => JSON.parse(text) as { path: string }).filter((entry) => entry.path === '/__mock/ui').at(-1);
    expect(line).toMatchObject({ method: 'GET', path: '/__mock/ui', status: 200 });
    expect(api.logLines.join('\n')).not.toContain(TOKEN);
  });
});

describe('what the timeline reads', () => {
  const api = useServer({ clock: 'frozen' });

  it('lists every operation with its family, method and path', async () => {
    const { operations } = (await api.get('/__mock/operations')).body;
    expect(operations).toContainEqual({ family: 'vine', operation_id: 'postApiV1KeysByIdRevoke', method: 'POST', path: '/api/v1/keys/{id}/revoke' });
    expect(operations.map((op: { operation_id: string }) => op.operation_id)).toEqual(api.server.operationIds);
  });

  it('gives each key its creation; a virtual key its rotations and when its revocation reaches the gateway', async () => {
    const start = api.server.clock.now();
    const { id } = api.server.credentials.demo!.virtual_key;
    const auth = { 'x-auth-token': api.server.credentials.project.apiKey };
    await api.post(`/api/gateway/v1/virtual-keys/${id}/rotate`, undefined, auth);
    api.server.clock.advance(1_000);
    await api.post(`/api/gateway/v1/virtual-keys/${id}/rotate`, undefined, auth);
    await api.post(`/api/gateway/v1/virtual-keys/${id}/revoke`, undefined, auth);
    const iso = (ms: number) => new Date(ms).toISOString();
    const [key] = (await api.get('/__mock/langwatch/virtual-keys')).body.virtual_keys;
    expect(key).toMatchObject({
      rotations: [
        { at: iso(start), grace_until: iso(start + 1_000) },
        // the revocation reaches the gateway before this grace would end: no secret of the key works after it
        { at: iso(start + 1_000), grace_until: iso(start + 1_000 + 60_000) },
      ],
      revoked_at: iso(start + 1_000),
      propagates_at: iso(start + 1_000 + 60_000),
    });
    for (const apiKey of (await api.get('/__mock/langwatch/api-keys')).body.api_keys) expect(apiKey.created_at).toBe(iso(start));
    for (const vineKey of (await api.get('/__mock/vine/keys')).body.keys) expect(vineKey.createdAt).toBe(iso(start));
  });

  it('lists the last 100 rotations of a key, the oldest dropped first', async () => {
    api.server.reset(); // the test before revoked the key
    const start = api.server.clock.now();
    const { id } = api.server.credentials.demo!.virtual_key;
    const auth = { 'x-auth-token': api.server.credentials.project.apiKey };
    const listed = async () => (await api.get('/__mock/langwatch/virtual-keys')).body.virtual_keys.find((k: { virtual_key: { id: string } }) => k.virtual_key.id === id).rotations as Array<{ at: string }>;
    for (let n = 0; n < 101; n++) {
      api.server.clock.advance(1_000);
      expect((await api.post(`/api/gateway/v1/virtual-keys/${id}/rotate`, undefined, auth)).status).toBe(200);
    }
    const rotations = await listed();
    expect(rotations).toHaveLength(100);
    // 101 rotations in all: the first of them is gone, the newest is last.
    expect(rotations.at(-1)!.at).toBe(new Date(api.server.clock.now()).toISOString());
    expect(Date.parse(rotations[0]!.at)).toBe(api.server.clock.now() - 99_000);
    expect(Date.parse(rotations[0]!.at)).toBeGreaterThan(start);
  });

  it('keeps rotations across a reset only as the baseline had them', async () => {
    api.server.reset();
    const [key] = (await api.get('/__mock/langwatch/virtual-keys')).body.virtual_keys;
    expect([key.rotations, key.propagates_at]).toEqual([[], null]);
  });
});

describe('the banner', () => {
  const server = createMockServer({});
  const info = { version: '1', url: 'http://127.0.0.1:4010', credentials: server.credentials, clock: 'system' as const, graceMs: 1, propagationMs: 1, revokedKeyStatus: 401 as const };

  it('prints the dashboard URL; with the control token in it when the server needs one', () => {
    expect(formatBanner(info)).toContain('  Dashboard           http://127.0.0.1:4010/__mock/ui\n');
    expect(formatBanner({ ...info, controlToken: 'a b' })).toContain('  Dashboard           http://127.0.0.1:4010/__mock/ui?token=a%20b\n');
    expect(JSON.parse(formatBannerJson({ ...info, controlToken: 't' })).dashboard_url).toBe('http://127.0.0.1:4010/__mock/ui');
  });
});
