// X-Request-Id is echoed byte for byte, whatever the answer's body (JSON, an injected fault's text,
// a stream), and is on every LangWatch answer, a refusal of a malformed session id included.
// Found by the model-based fuzz (test/reliability/model-fuzz-http.test.ts).
import { describe, expect, it } from 'vitest';
import { parseResponse, rawExchange } from './support/raw-socket.js';
import { useServer } from './support/server.js';

const api = useServer({ log: 'silent' });

/** One request as raw bytes (a header value with the latin1 byte 0xE9), the answer read as latin1. */
async function exchange(head: string, body = ''): Promise<ReturnType<typeof parseResponse>> {
  const bytes = Buffer.concat([Buffer.from(`${head}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`, 'latin1'), Buffer.from(body, 'utf8')]);
  return parseResponse(await rawExchange(api.url, bytes));
}

describe('a non-ASCII X-Request-Id', () => {
  const id = 'caf\u00e9-7';

  it('comes back byte for byte on a JSON answer', async () => {
    const reply = await exchange(`GET /v1/models HTTP/1.1\r\nHost: x\r\nX-Request-Id: ${id}\r\n`);
    expect(reply.status).toBe(401);
    expect(reply.headers['x-request-id']).toBe(id);
  });

  it('comes back byte for byte on an injected fault\'s text body', async () => {
    await api.post('/__mock/faults', { operation_id: 'gatewayListModels', status: 502, body: 'Bad Gateway' });
    const reply = await exchange(`GET /v1/models HTTP/1.1\r\nHost: x\r\nX-Request-Id: ${id}\r\n`);
    expect([reply.status, reply.body]).toEqual([502, 'Bad Gateway']);
    expect(reply.headers['x-request-id']).toBe(id);
  });

  it('comes back byte for byte on a stream', async () => {
    const secret = api.server.credentials.demo!.virtual_key.secret;
    const body = JSON.stringify({ model: 'openai/gpt-5-mini', stream: true, messages: [] });
    const raw = await rawExchange(api.url, Buffer.concat([Buffer.from(`POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${secret}\r\nContent-Type: application/json\r\nX-Request-Id: ${id}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`, 'latin1'), Buffer.from(body)]));
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    expect(head.split('\r\n')).toContain(`x-request-id: ${id}`);
  });
});

describe('a malformed session id on a LangWatch route', () => {
  it('is refused in the API\'s envelope with X-Request-Id, on the gateway and the app API', async () => {
    const gateway = await api.send('GET', '/v1/models', { headers: { 'x-revokit-session': 'bad id!', 'x-request-id': 'trace-1' } });
    expect([gateway.status, gateway.body.error.code, gateway.headers['x-request-id']]).toEqual([400, 'bad_request', 'trace-1']);
    const app = await api.send('DELETE', '/api/api-keys/x', { headers: { 'x-revokit-session': 'bad id!' } });
    expect([app.status, app.body.error]).toEqual([400, 'Bad request']);
    expect(app.headers['x-request-id']).toMatch(/^req_[0-9a-f]{30}$/);
  });
});
