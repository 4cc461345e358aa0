// An in-process mock server on a free loopback port, closed after the test file, with its
// request log captured, plus a small JSON client for it.
import { request } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { createMockServer, type MockServer, type MockServerOptions } from '@revokit/mock/server';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: any;
}

export function useServer(options: MockServerOptions = {}) {
  const logLines: string[] = [];
  const state = {} as { server: MockServer; url: string };
  beforeAll(async () => {
    state.server = createMockServer({ log: 'json', ...options, writeLogLine: (line) => logLines.push(line) });
    state.url = await state.server.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => state.server.close());
  return {
    get server() {
      return state.server;
    },
    get url() {
      return state.url;
    },
    logLines,
    /** Raw HTTP (node:http, not fetch): any method, path and headers, exactly as given. */
    send: (method: string, path: string, init: { headers?: Record<string, string>; body?: string | Buffer } = {}) => send(state.url, method, path, init),
    /** POST with a JSON body (or raw text when a string is given). */
    post: (path: string, body?: unknown, headers: Record<string, string> = {}) =>
      send(state.url, 'POST', path, { headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) }),
    get: (path: string, headers: Record<string, string> = {}) => send(state.url, 'GET', path, { headers }),
  };
}

export function send(base: string, method: string, path: string, init: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
