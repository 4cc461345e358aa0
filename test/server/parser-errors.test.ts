// What node:http refuses before the request reaches the mocks still gets the server's JSON
// envelope and the CORS header, and never an echo of the request.
import { describe, expect, it } from 'vitest';
import { parseResponse, rawExchange } from './support/raw-socket.js';
import { useServer } from './support/server.js';

const api = useServer();
const MARKER = 'sk-lw-EchoMarker0123456789';
const raw = (data: string | Buffer) => rawExchange(api.url, data);
const parse = (response: string) => {
  const { status, headers, body } = parseResponse(response);
  return { status, headers, body: JSON.parse(body) as unknown };
};

const CASES: Array<[string, number, string, string | Buffer]> = [
  ['headers over 16 KiB', 431, 'request_header_fields_too_large', `GET /__mock/health HTTP/1.1\r\nHost: x\r\nX-Big: ${MARKER}${'y'.repeat(20_000)}\r\n\r\n`],
  ['a 100k path', 431, 'request_header_fields_too_large', `GET /${MARKER}${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
  ['not HTTP at all', 400, 'bad_request', `NOT ${MARKER} HTTP\r\n\r\n`],
  ['Content-Length with Transfer-Encoding', 400, 'bad_request', `POST /__mock/vine/keys HTTP/1.1\r\nHost: x\r\nX-Echo: ${MARKER}\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
  ['two different Content-Lengths', 400, 'bad_request', 'POST /__mock/vine/keys HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}x'],
  ['a bare CR inside a header', 400, 'bad_request', `GET /__mock/health HTTP/1.1\r\nHost: x\r\nX-A: ${MARKER}\rX-Injected: b\r\n\r\n`],
  ['a control character in the path', 400, 'bad_request', `GET /${MARKER}\u0001 HTTP/1.1\r\nHost: x\r\n\r\n`],
  ['non-UTF-8 bytes in the path', 400, 'bad_request', Buffer.concat([Buffer.from(`POST /api/v1/keys/${MARKER}`), Buffer.from([0xff, 0xfe]), Buffer.from('/revoke HTTP/1.1\r\nHost: x\r\n\r\n')])],
  ['a malformed chunk size', 400, 'bad_request', `POST /__mock/vine/keys HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz${MARKER}\r\n{}\r\n0\r\n\r\n`],
  ['an unknown transfer coding', 400, 'bad_request', 'POST /__mock/vine/keys HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n{}'],
];

describe('parser-level refusals', () => {
  it.each(CASES)('%s → %i %s in the JSON envelope, with CORS, without echo', async (_name, status, error, request) => {
    const response = await raw(request);
    expect(response).not.toContain('EchoMarker');
    const reply = parse(response);
    expect(reply.status).toBe(status);
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    expect(reply.headers['content-type']).toBe('application/json');
    expect(reply.headers.connection).toBe('close');
    expect(reply.body).toEqual({ error, message: expect.any(String) });
    expect((await api.get('/__mock/health')).status).toBe(200);
  });

  it('an HTTP/1.1 request without Host is served (a mock has no virtual hosts), not refused with a bare 400', async () => {
    const reply = parse(await raw('GET /__mock/health HTTP/1.1\r\nConnection: close\r\n\r\n'));
    expect(reply).toMatchObject({ status: 200, body: { ok: true } });
  });
});
