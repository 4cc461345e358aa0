// Hostile HTTP against the real CLI process: slow and idle clients, malformed and smuggling
// requests, CRLF and non-UTF-8 bytes, pipelining, and long paths while 256 sessions are live. The
// process answers what can be answered, in the server's envelope, cuts what must be cut, changes
// no state on bad input, writes only well-formed log lines, and exits 0 on SIGTERM at the end.
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRaw, parseResponse, parseResponses, rawExchange } from '../server/support/raw-socket.js';
import { send } from '../server/support/server.js';
import { startCliServer, type CliServer } from './support/cli-server.js';

let server: CliServer;
beforeAll(async () => {
  server = await startCliServer();
});
afterAll(async () => {
  try {
    expect(await within(server.stop(), 15_000, 'exit after SIGTERM')).toBe(0);
  } finally {
    server.kill();
  }
});

const raw = (data: string | Buffer) => rawExchange(server.url, data);
const vineJournal = async () => (await send(server.url, 'GET', '/__mock/requests')).body.vine as Array<{ url: string; status: number }>;

/** Opens a connection and resolves once connected; `closed` settles when the server closes it. */
function idleConnection(): Promise<{ socket: Socket; closed: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = openRaw(server.url);
    let received = '';
    socket.setEncoding('latin1').on('data', (chunk: string) => (received += chunk));
    const closed = new Promise<string>((done) => socket.on('close', () => done(received)));
    socket.once('connect', () => resolve({ socket, closed })).once('error', reject);
  });
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  const timeout = new Promise<T>((_, reject) => {
    setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms).unref();
  });
  return Promise.race([promise, timeout]);
}

function expectEnvelope(response: string, status: number, error: string) {
  const reply = parseResponse(response);
  expect(reply.status).toBe(status);
  expect(reply.headers['access-control-allow-origin']).toBe('*');
  expect(JSON.parse(reply.body)).toEqual({ error, message: expect.any(String) });
}

describe('slow and idle clients', () => {
  it('a slowloris and 1,000 idle connections: the server answers meanwhile, then cuts them with a 408', async () => {
    const idle: Array<Awaited<ReturnType<typeof idleConnection>>> = [];
    for (let batch = 0; batch < 10; batch++) idle.push(...(await Promise.all(Array.from({ length: 100 }, idleConnection))));

    const slow = await idleConnection();
    slow.socket.write('GET /__mock/health HTTP/1.1\r\nHost: localhost\r\n');
    let trickled = 0;
    const trickle = setInterval(() => slow.socket.writable && slow.socket.write(`X-Slow-${trickled++}: y\r\n`), 300);
    try {
      // 1,001 connections held, and the server still answers at once.
      expect((await send(server.url, 'GET', '/__mock/health')).status).toBe(200);
      expect((await send(server.url, 'POST', `/api/v1/keys/${server.banner.demo.vine_key.id}/revoke`)).status).toBe(200);

      // Node's header timeout (10 s, checked every second) ends the trickle: not held forever.
      const slowAnswer = await within(slow.closed, 25_000, 'the slowloris connection was not cut');
      expect(trickled).toBeGreaterThan(3); // it was still sending when cut
      expectEnvelope(slowAnswer, 408, 'request_timeout');
      const idleAnswers = await within(Promise.all(idle.map((connection) => connection.closed)), 25_000, 'idle connections were not cut');
      for (const answer of idleAnswers) expect(answer === '' || answer.startsWith('HTTP/1.1 408 ')).toBe(true);
    } finally {
      clearInterval(trickle);
      for (const connection of [...idle, slow]) connection.socket.destroy();
    }
    expect((await send(server.url, 'GET', '/__mock/health')).status).toBe(200);
  }, 60_000);
});

describe('malformed requests', () => {
  it('huge headers and a 100k path: 431 in the JSON envelope', async () => {
    expectEnvelope(await raw(`GET /__mock/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'y'.repeat(64 * 1024)}\r\n\r\n`), 431, 'request_header_fields_too_large');
    const many = Array.from({ length: 3_000 }, (_, i) => `X-H${i}: v\r\n`).join('');
    expectEnvelope(await raw(`GET /__mock/health HTTP/1.1\r\nHost: localhost\r\n${many}\r\n`), 431, 'request_header_fields_too_large');
    expectEnvelope(await raw(`GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`), 431, 'request_header_fields_too_large');
  });

  it('conflicting Content-Length and Transfer-Encoding: 400, and nothing smuggled through', async () => {
    const smuggled = `POST /api/v1/keys/smuggled-${Date.now()}/revoke HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n`;
    const attempts = [
      `POST /__mock/health HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${5 + smuggled.length}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${smuggled}`,
      `POST /__mock/health HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n5c\r\n${smuggled}\r\n0\r\n\r\n`,
      `POST /__mock/health HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n0\r\n\r\n${smuggled}`,
      `POST /__mock/health HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n${smuggled}`,
      `POST /__mock/health HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nContent-Length: 60\r\n\r\n${smuggled}`,
    ];
    for (const attempt of attempts) {
      const responses = parseResponses(await raw(attempt));
      expect(responses.map((response) => response.status)).toEqual([400]);
    }
    expect((await vineJournal()).filter((entry) => entry.url.includes('smuggled'))).toEqual([]);
  });

  it('CRLF: raw in a header or the path is refused; encoded, it stays data and injects no header', async () => {
    expectEnvelope(await raw('GET /__mock/health HTTP/1.1\r\nHost: localhost\r\nX-A: a\nSet-Cookie: injected=1\r\n\r\n'), 400, 'bad_request');
    expectEnvelope(await raw('GET /__mock/health HTTP/1.1\r\nHost: localhost\r\nX-A: a\rSet-Cookie: injected=1\r\n\r\n'), 400, 'bad_request');
    const encoded = parseResponse(await raw('GET /nope/a%0D%0ASet-Cookie:%20injected=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'));
    expect(encoded.status).toBe(404);
    expect(encoded.headers['set-cookie']).toBeUndefined();
    const viaRaw = await raw('GET /nope/a\r\nSet-Cookie: injected=1\r\n\r\n');
    expect(viaRaw).not.toMatch(/\r\nset-cookie:/i);
  });

  it('non-UTF-8 bytes in the path, a header and a body: answered (400 at worst), never a 5xx', async () => {
    const bytes = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x80]);
    const head = (text: string) => Buffer.from(text, 'latin1');
    const { project, demo } = server.banner;
    const cases = [
      Buffer.concat([head('POST /api/v1/keys/'), bytes, head('/revoke HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')]),
      Buffer.concat([head(`POST /api/gateway/v1/virtual-keys/${demo.virtual_key.id}/rotate HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: `), bytes, head('\r\nConnection: close\r\n\r\n')]),
      Buffer.concat([head(`POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${demo.virtual_key.secret}\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`), bytes]),
      Buffer.concat([head(`POST /__mock/vine/keys HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length + 11}\r\nConnection: close\r\n\r\n{"name":"`), bytes, head('"}')]),
      Buffer.concat([head(`POST /__mock/faults HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`), bytes]),
    ];
    const statuses = [];
    for (const request of cases) statuses.push(parseResponse(await raw(request)).status);
    expect(statuses).toEqual([400, 401, 400, 201, 400]);
    expect((await send(server.url, 'POST', `/api/gateway/v1/virtual-keys/${demo.virtual_key.id}/rotate`, { headers: { 'x-auth-token': project.api_key } })).status).toBe(200);
  });
});

describe('pipelining', () => {
  it('60 requests in one write are answered in order', async () => {
    const vineId = server.banner.demo.vine_key.id;
    const requests = Array.from({ length: 60 }, (_, i) =>
      i % 3 === 2 ? `POST /api/v1/keys/${vineId}/revoke HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n` : `GET /nope/${i} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
    );
    const responses = parseResponses(await raw(`${requests.join('')}GET /__mock/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
    expect(responses).toHaveLength(61);
    responses.slice(0, 60).forEach((response, i) => {
      if (i % 3 === 2) expect(JSON.parse(response.body).key.id).toBe(vineId);
      else expect(JSON.parse(response.body).message).toBe(`No mock serves GET /nope/${i}`);
    });
    expect(responses[60]!.body).toBe('{"ok":true}');
  });
});

describe('with 256 live sessions (the default bound)', () => {
  const LONG = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(400); // 14,400 characters
  beforeAll(async () => {
    for (let i = 0; i < 256; i++) expect((await send(server.url, 'GET', '/__mock/clock', { headers: { 'x-revokit-session': `live-${i}` } })).status).toBe(200);
  }, 120_000);

  it('60 pipelined requests with 14 kB paths, 404s and journaled ones, are answered in order and at once', async () => {
    const { project } = server.banner;
    const requests = Array.from({ length: 60 }, (_, i) =>
      i % 2 === 0
        ? `GET /nope/${LONG}/${i} HTTP/1.1\r\nHost: localhost\r\n\r\n`
        : `POST /api/v1/keys/${project.api_key.slice(6)}:${LONG}:${i}/revoke HTTP/1.1\r\nHost: localhost\r\nX-Revokit-Session: live-${i}\r\nContent-Length: 0\r\n\r\n`,
    );
    const responses = parseResponses(await within(raw(`${requests.join('')}GET /__mock/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`), 20_000, '61 pipelined answers'));
    expect(responses.map((response) => response.status)).toEqual([...Array.from({ length: 60 }, () => 404), 200]);
    expect(responses.map((response) => response.body).join('\n')).not.toContain(project.api_key.slice(6, 30));
  });

  it('full journals of long URLs read in a session while a keep-alive client polls the health check, never reset', async () => {
    for (let i = 0; i < 200; i++) await send(server.url, 'POST', `/api/v1/keys/${LONG}-${i}/revoke`, { headers: { 'x-revokit-session': 'live-0' } });
    const polls = (async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await fetch(`${server.url}/__mock/health`)).status); // one keep-alive connection
      return statuses;
    })();
    const journals = await Promise.all(Array.from({ length: 10 }, () => send(server.url, 'GET', '/__mock/requests', { headers: { 'x-revokit-session': 'live-0' } })));
    for (const journal of journals) expect(journal.body.vine.length).toBeGreaterThanOrEqual(200);
    expect(await within(polls, 20_000, 'health checks')).toEqual(Array.from({ length: 40 }, () => 200));
  });
});

describe('the log', () => {
  it('after all of the above, one well-formed JSON line per answered request, without a credential', () => {
    const lines = server.logLines();
    expect(lines.length).toBeGreaterThan(60);
    for (const line of lines) expect(Object.keys(line)).toEqual(['event', 'time', 'method', 'path', 'status', 'operation_id', 'duration_ms']);
    expect(JSON.stringify(lines)).not.toMatch(/sk-lw-|lw_vk_|vine_(live|test)_/i);
  });
});
