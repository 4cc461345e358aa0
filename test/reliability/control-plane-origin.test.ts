// Finding 1 of issue 17: the control plane (/__mock/) belongs to its own origin. Any web page the
// developer opens can reach a local mock; CORS, Host and Content-Type decide whether it can read
// the credentials or act. API routes stay CORS-open, as the real services are to browser apps.
// (The same, in Chromium, from a page on another origin: test/browser/control-plane-origin.test.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import { useServer } from '../server/support/server.js';

const EVIL = 'http://evil.example';
const DAY = 86_400_000;

describe('a default server (finding 1)', () => {
  const api = useServer({ clock: 'frozen' });
  const port = () => new URL(api.url).port;
  /** The frozen mock clock's time: it moves only when the control plane moves it. */
  const now = async () => Date.parse((await api.get('/__mock/clock')).body.now as string);
  let start = 0;
  beforeAll(async () => {
    start = await now();
  });
  const pending = async () => (await api.get('/__mock/faults')).body.faults as unknown[];

  it('sends no Access-Control-Allow-Origin on control-plane answers, and refuses a foreign Origin', async () => {
    const plain = await api.get('/__mock/credentials');
    expect(plain.status).toBe(200);
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();

    const foreign = await api.get('/__mock/credentials', { origin: EVIL });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    expect(foreign.body).toEqual({ error: 'forbidden', message: expect.stringContaining('--cors-origin') });
    expect(foreign.text).not.toContain(api.server.credentials.project.apiKey);
    // `Origin: null` (a sandboxed frame, a file:// page) is foreign too.
    expect((await api.get('/__mock/credentials', { origin: 'null' })).status).toBe(403);
  });

  it('fails the preflight of a foreign origin', async () => {
    const preflight = await api.send('OPTIONS', '/__mock/faults', {
      headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.status).toBe(403);
  });

  it('refuses a Host that is not this machine (DNS rebinding), reads and writes alike', async () => {
    const host = { host: `rebind.evil.example:${port()}` };
    const read = await api.get('/__mock/credentials', host);
    expect(read.status).toBe(403);
    expect(read.body).toEqual({ error: 'forbidden', message: expect.stringContaining('--allowed-host') });
    expect(read.text).not.toContain(api.server.credentials.project.apiKey);
    expect((await api.post('/__mock/clock', { advance_ms: DAY }, host)).status).toBe(403);
    expect(await now()).toBe(start);
    // The health check reveals nothing, and tools reach it by any name.
    expect((await api.get('/__mock/health', host)).status).toBe(200);
  });

  it('serves loopback names and IP addresses, whatever the port', async () => {
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, 'LOCALHOST', `[::1]:${port()}`, 'app.localhost:8080', '10.1.2.3:4010', '[fd00::1]']) {
      expect((await api.get('/__mock/clock', { host })).status, host).toBe(200);
    }
  });

  it('refuses a control write whose body is not application/json, so no cross-site form or text/plain POST acts', async () => {
    const text = { 'content-type': 'text/plain' };
    const clock = await api.post('/__mock/clock', JSON.stringify({ advance_ms: DAY }), text);
    expect(clock.status).toBe(415);
    expect(clock.body).toEqual({ error: 'unsupported_media_type', message: expect.stringContaining('application/json') });
    expect((await api.post('/__mock/faults', JSON.stringify({ operation_id: 'postApiV1KeysByIdRevoke', status: 500, times: 1000 }), text)).status).toBe(415);
    expect((await api.post('/__mock/vine/keys', '{}', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await api.send('POST', '/__mock/clock', { body: JSON.stringify({ advance_ms: DAY }) })).status).toBe(415); // no Content-Type at all
    expect(await now()).toBe(start);
    expect(await pending()).toEqual([]);
    // application/json with parameters is JSON.
    expect((await api.post('/__mock/clock', { advance_ms: 1 }, { 'content-type': 'Application/JSON; charset=utf-8' })).status).toBe(200);
    expect(await now()).toBe(start + 1);
  });

  it('refuses a foreign Origin on a body-less write too (reset, DELETE)', async () => {
    expect((await api.post('/__mock/faults', { operation_id: 'postApiV1KeysByIdRevoke', status: 503 })).status).toBe(201);
    expect((await api.send('POST', '/__mock/reset', { headers: { origin: EVIL } })).status).toBe(403);
    expect((await api.send('DELETE', '/__mock/faults', { headers: { origin: EVIL } })).status).toBe(403);
    expect(await pending()).toHaveLength(1);
    // A cross-site request that carries no Origin but says where it comes from.
    expect((await api.send('POST', '/__mock/reset', { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' } })).status).toBe(403);
    expect(await pending()).toHaveLength(1);
    expect((await api.send('POST', '/__mock/reset')).status).toBe(204);
    expect(await pending()).toEqual([]);
  });

  it('serves its own origin: the dashboard page reads and writes with the Origin of the page', async () => {
    const self = { origin: `http://127.0.0.1:${port()}`, host: `127.0.0.1:${port()}` };
    expect((await api.get('/__mock/credentials', self)).status).toBe(200);
    expect((await api.post('/__mock/clock', { advance_ms: 5 }, self)).status).toBe(200);
    expect((await api.get('/__mock/ui', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' })).status).toBe(200); // a link to the dashboard
  });

  it('keeps the API routes CORS-open for browser apps', async () => {
    const { vine_key } = api.server.credentials.demo!;
    const revoke = await api.send('POST', `/api/v1/keys/${vine_key.id}/revoke`, { headers: { origin: EVIL } });
    expect(revoke.status).toBe(200);
    expect(revoke.headers['access-control-allow-origin']).toBe('*');
    const preflight = await api.send('OPTIONS', '/v1/models', { headers: { origin: EVIL, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect([preflight.status, preflight.headers['access-control-allow-origin']]).toEqual([204, '*']);
    const rebound = await api.get('/v1/models', { host: 'rebind.evil.example', authorization: `Bearer ${api.server.credentials.demo!.virtual_key.secret}` });
    expect(rebound.status).toBe(200);
  });
});

describe('--cors-origin and --allowed-host open it to whom they name (finding 1)', () => {
  const APP = 'http://app.test:3000';
  const api = useServer({ corsOrigins: [APP], allowedHosts: ['mock', '.docker.internal'] } as never);

  it('an allowed origin reads and writes, with its own origin echoed and Vary: Origin', async () => {
    const read = await api.get('/__mock/credentials', { origin: APP });
    expect(read.status).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBe(APP);
    expect(read.headers.vary).toMatch(/origin/i);
    const preflight = await api.send('OPTIONS', '/__mock/clock', {
      headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-revokit-session' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(APP);
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain('x-revokit-session');
    expect((await api.get('/__mock/credentials', { origin: 'http://app.test:3001' })).status).toBe(403);
  });

  it('an allowed host name, exactly or as a subdomain of a leading-dot entry', async () => {
    expect((await api.get('/__mock/clock', { host: 'mock:4010' })).status).toBe(200);
    expect((await api.get('/__mock/clock', { host: 'revokit.docker.internal' })).status).toBe(200);
    expect((await api.get('/__mock/clock', { host: 'mock.evil.example' })).status).toBe(403);
  });
});
