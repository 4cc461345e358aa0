// HTTP hygiene: 404/405/400/413, CORS, keep-alive, and garbage that must neither crash the
// server nor change its state.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';

const api = useServer();
const demo = () => api.server.credentials.demo!;

/** Raw bytes on a socket: for what an HTTP client library would refuse to send. */
function raw(text: string | Buffer): Promise<string> {
  const { port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(text));
    let out = '';
    socket.setEncoding('latin1').on('data', (chunk: string) => (out += chunk));
    socket.on('end', () => resolve(out)).on('close', () => resolve(out)).on('error', reject);
  });
}

/** The state a bad request must leave as it was. */
async function stateFingerprint() {
  const lw = api.server.langwatch.snapshot();
  return JSON.stringify({ lw: [...lw.virtualKeys.values(), ...lw.apiKeys.values(), ...lw.projects.values()], faults: (await api.get('/__mock/faults')).body });
}

describe('status codes', () => {
  it('unknown path: 404 JSON', async () => {
    // (/ and /__mock/ are the index: test/server/index-page.test.ts)
    for (const path of ['/nope', '/api/v1/key', '/api/v1/keys/a/b/revoke', '/__session/w1/', '/__mock/health/', '/__mock/nope']) {
      const reply = await api.get(path);
      expect(reply.status, path).toBe(404);
      expect(reply.headers['content-type']).toBe('application/json');
      expect(reply.body).toEqual({ error: 'not_found', message: expect.any(String) });
    }
  });

  it('known path, wrong method: 405 with Allow', async () => {
    for (const [method, path, allow] of [
      ['GET', '/api/v1/keys/x/revoke', 'POST, OPTIONS'],
      ['GET', '/api/v1/keys', 'POST, OPTIONS'],
      ['DELETE', '/api/gateway/v1/virtual-keys', 'GET, POST, OPTIONS'],
      ['POST', '/api/gateway/v1/virtual-keys/x', 'GET, PATCH, OPTIONS'],
      ['DELETE', '/api/gateway/v1/virtual-keys/x/rotate', 'POST, OPTIONS'],
      ['POST', '/api/api-keys/x', 'DELETE, OPTIONS'],
      ['POST', '/__mock/health', 'GET, OPTIONS'],
      ['PUT', '/__mock/faults', 'GET, POST, DELETE, OPTIONS'],
    ] as const) {
      const reply = await api.send(method, path);
      expect(reply.status, `${method} ${path}`).toBe(405);
      expect(reply.headers.allow).toBe(allow);
      expect(reply.body.error).toBe('method_not_allowed');
    }
  });

  it('under the gateway\'s /v1/: the key first, then 404 or 405 in the gateway envelope', async () => {
    const secret = demo().virtual_key.secret;
    const noKey = await api.send('POST', '/v1/models');
    expect(noKey.status).toBe(401);
    expect(noKey.body.error).toMatchObject({ type: 'invalid_api_key', code: 'invalid_api_key' });
    const wrongMethod = await api.send('POST', '/v1/models', { headers: { authorization: `Bearer ${secret}` } });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET');
    expect(wrongMethod.body).toEqual({ error: { type: 'method_not_allowed', code: 'method_not_allowed', message: expect.any(String) } });
    const unknown = await api.send('POST', '/v1/responses', { headers: { 'x-api-key': secret } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: { type: 'not_found', code: 'not_found', message: 'the mock gateway has no route POST /v1/responses' } });
    expect(unknown.headers['x-request-id']).toMatch(/^req_[0-9a-f]{30}$/);
  });

  it('malformed JSON: 400 on the control plane and on chat completions', async () => {
    for (const path of ['/__mock/clock', '/__mock/faults', '/__mock/langwatch/virtual-keys', '/__mock/vine/keys']) {
      const reply = await api.post(path, '{"oops":');
      expect(reply.status, path).toBe(400);
      expect(reply.body).toEqual({ error: 'bad_request', message: 'The request body is not valid JSON' });
    }
    const chat = await api.post('/v1/chat/completions', '{model:', { authorization: `Bearer ${demo().virtual_key.secret}` });
    expect(chat.status).toBe(400);
    expect(chat.body).toEqual({ error: { type: 'bad_request', code: 'bad_request', message: 'missing model field' } });
  });

  it('a body over 1 MiB: 413, whether announced by Content-Length or streamed chunked', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const announced = await api.post('/__mock/vine/keys', big);
    expect(announced.status).toBe(413);
    expect(announced.body.error).toBe('payload_too_large');
    const chunked = await raw(`POST /__mock/vine/keys HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${(1024 * 1024 + 1).toString(16)}\r\n${big}\r\n0\r\n\r\n`);
    expect(chunked).toMatch(/^HTTP\/1\.1 413 /);
    const exactly = await api.post('/__mock/vine/keys', JSON.stringify({ name: 'y'.repeat(1024 * 1024 - 20) }));
    expect(exactly.status).toBe(201);
  });
});

describe('CORS and keep-alive', () => {
  it('answers a preflight with the methods and headers a browser app needs', async () => {
    const reply = await api.send('OPTIONS', '/api/gateway/v1/virtual-keys/x/revoke', {
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-auth-token, content-type, x-custom' },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    expect(reply.headers['access-control-allow-methods']).toBe('GET, POST, DELETE, OPTIONS');
    const allowed = String(reply.headers['access-control-allow-headers']).toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['x-auth-token', 'authorization', 'x-api-key', 'content-type', 'x-custom']));
  });

  it('every answer off the control plane (errors included) carries Access-Control-Allow-Origin; the control plane none', async () => {
    for (const reply of [await api.get('/nope'), await api.post('/api/v1/keys/x/revoke'), await api.get('/v1/models')]) {
      expect(reply.headers['access-control-allow-origin']).toBe('*');
    }
    for (const reply of [await api.get('/__mock/health'), await api.get('/__mock/nope'), await api.send('PUT', '/__mock/reset')]) {
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('keeps connections alive: two requests on one socket', async () => {
    const out = await raw('GET /__mock/health HTTP/1.1\r\nHost: x\r\n\r\nGET /__mock/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(out.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    expect(out).toMatch(/Connection: keep-alive/i);
  });
});

describe('garbage in, nothing broken', () => {
  it('bad percent-encodings, dot segments, huge and odd ids: the API\'s own 404, state unchanged', async () => {
    const before = await stateFingerprint();
    const ids = ['%', '%zz', '%E0%A4%A', '..', '.', '%2e%2e', 'a%2Fb', '%00', '%C3%BC', '%F0%9F%92%A9', 'x'.repeat(10_000), demo().virtual_key.secret];
    for (const id of ids) {
      const vine = await api.post(`/api/v1/keys/${id}/revoke`);
      expect(vine.status, id.slice(0, 20)).toBe(404);
      expect(vine.body.error.code).toBe('not_found');
      const lw = await api.post(`/api/gateway/v1/virtual-keys/${id}/revoke`, undefined, { 'x-auth-token': api.server.credentials.project.apiKey });
      expect(lw.status, id.slice(0, 20)).toBe(404);
      const admin = await api.send('DELETE', `/api/api-keys/${id}`, { headers: { authorization: `Bearer ${demo().admin_api_key.token}` } });
      expect(admin.status, id.slice(0, 20)).toBe(404);
    }
    expect(await stateFingerprint()).toBe(before);
  });

  it('garbage credentials: 401, never 500', async () => {
    const id = demo().virtual_key.id;
    for (const token of ['', ' ', 'Bearer', 'sk-lw-', 'sk-lw-_', '\u00ff\u00fe', 'x'.repeat(8_000)]) {
      const reply = await api.post(`/api/gateway/v1/virtual-keys/${id}/rotate`, undefined, { 'x-auth-token': token });
      expect(reply.status).toBe(401);
      const admin = await api.send('DELETE', `/api/api-keys/${id}`, { headers: { authorization: token } });
      expect(admin.status).toBe(401);
      const gateway = await api.get('/v1/models', { authorization: token });
      expect(gateway.status).toBe(401);
    }
  });

  it('headers over the limit get 431 from node, and the server goes on', async () => {
    const reply = await raw(`GET /__mock/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 431 /);
    expect((await api.get('/__mock/health')).status).toBe(200);
  });

  it('broken HTTP, an absolute-form target and a truncated body do not take the server down', async () => {
    expect(await raw('NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw('GET http://anything.test/__mock/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 /);
    await raw('POST /__mock/vine/keys HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"na');
    expect((await api.get('/__mock/health')).status).toBe(200);
  });

  it('wrong JSON types in every control-plane body: 400, state unchanged', async () => {
    const before = await stateFingerprint();
    for (const path of ['/__mock/clock', '/__mock/faults', '/__mock/langwatch/projects', '/__mock/langwatch/virtual-keys', '/__mock/langwatch/api-keys', '/__mock/vine/keys']) {
      for (const body of ['null', '[]', '"text"', '42', 'true', '{"__proto__":{"x":1}}', '{"constructor":{}}']) {
        const reply = await api.post(path, body);
        expect(reply.status, `${path} ${body}`).toBe(400);
        expect(reply.body.field, `${path} ${body}`).toEqual(expect.any(String));
      }
    }
    expect(await stateFingerprint()).toBe(before);
  });
});
