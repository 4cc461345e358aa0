// Realistic cases against a local node:http server, through the real global fetch.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { provesNeverSent } from '@revokit/runtime';
import { expectNoSecrets } from '@revokit/runtime/testing/leak-scan';
import { ApiConnectionError, ApiTimeoutError, InternalServerError, NotFoundError, createLangWatchClient } from './index.js';
import { ADMIN_KEY, ADMIN_SECRET, PROJECT_KEY, revokeBody, rotateBody } from './testing/fixtures.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
let hits: { method?: string; url?: string; headers: IncomingMessage['headers'] }[];

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push({ method: request.method, url: request.url, headers: request.headers });
    // A fresh connection per request: a reused keep-alive socket could fail before reaching us.
    response.setHeader('connection', 'close');
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  hits = [];
});

const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};
const client = (options = {}) => createLangWatchClient({ apiKey: PROJECT_KEY, adminApiKey: ADMIN_KEY, baseUrl, ...options });

describe('against a real HTTP server', () => {
  it('revokes a virtual key: method, raw path on the wire, auth header, parsed body', async () => {
    handler = (_, response) => sendJson(response, 200, revokeBody, { 'x-request-id': 'req_ok' });
    await expect(client().virtualKeys.revoke('a/b?c#d')).resolves.toEqual(revokeBody);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ method: 'POST', url: '/api/gateway/v1/virtual-keys/a%2Fb%3Fc%23d/revoke' });
    expect(hits[0]!.headers['x-auth-token']).toBe(PROJECT_KEY);
    expect(hits[0]!.headers.authorization).toBeUndefined();
  });

  it('revokes an API key with the bearer admin key', async () => {
    handler = (_, response) => sendJson(response, 200, { success: true });
    await expect(client().apiKeys.revoke('key 1')).resolves.toEqual({ success: true });
    expect(hits[0]).toMatchObject({ method: 'DELETE', url: '/api/api-keys/key%201' });
    expect(hits[0]!.headers.authorization).toBe(`Bearer ${ADMIN_KEY}`);
    expect(hits[0]!.headers['x-auth-token']).toBeUndefined();
  });

  it('a 502 HTML page from a proxy: InternalServerError with the page as body', async () => {
    const page = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
    handler = (_, response) => response.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'req_502' }).end(page);
    const error = await client({ maxRetries: 0 }).virtualKeys.rotate('vk_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, message: 'Bad Gateway', body: page, code: undefined, requestId: 'req_502' });
  });

  it('an undocumented 404: NotFoundError with the JSON envelope read', async () => {
    handler = (_, response) => sendJson(response, 404, { error: 'not_found', message: 'No such virtual key' });
    await expect(client().virtualKeys.revoke('vk_missing')).rejects.toMatchObject({ name: 'NotFoundError', code: 'not_found', message: 'No such virtual key' });
    await expect(client().virtualKeys.revoke('vk_missing')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a connection dropped mid-request: ApiConnectionError, and rotate is not retried', async () => {
    handler = (request) => request.socket.destroy();
    const error = (await client().virtualKeys.rotate('vk_1').catch((e: unknown) => e)) as ApiConnectionError;
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(hits).toHaveLength(1);
    expect(error.message).toMatch(new RegExp(`^virtualKeys\\.rotate: POST ${baseUrl}/api/gateway/v1/virtual-keys/vk_1/rotate: connection error: .+ \\(1 attempt; not retried: the request may have reached the server`));
  });

  it('no response within timeoutMs: ApiTimeoutError', async () => {
    handler = () => {}; // never answers
    const error = (await client({ timeoutMs: 100, maxRetries: 1 }).apiKeys.revoke('key_1').catch((e: unknown) => e)) as ApiTimeoutError;
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(error.message).toBe(`apiKeys.revoke: DELETE ${baseUrl}/api/api-keys/key_1: timed out after 100 ms each (2 attempts)`);
    expectNoSecrets(error, [PROJECT_KEY, ADMIN_KEY, ADMIN_SECRET]);
  });

  it('a body that stalls after the headers: ApiTimeoutError (the body read is timed too)', async () => {
    handler = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"virtual_key":');
    };
    const error = await client({ timeoutMs: 150, maxRetries: 0 }).virtualKeys.rotate('vk_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiTimeoutError);
  });

  it("a caller abort mid-flight rejects with the caller's reason", async () => {
    handler = () => {};
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const pending = client().virtualKeys.revoke('vk_1', { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
  });

  it('a refused connection: ApiConnectionError whose cause proves the request never left', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const lw = createLangWatchClient({ apiKey: PROJECT_KEY, baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
    const error = (await lw.virtualKeys.rotate('vk_1').catch((e: unknown) => e)) as ApiConnectionError;
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(provesNeverSent(error.cause)).toBe(true);
  });

  it('a redirect is refused (X-Auth-Token would follow it to another origin): ApiConnectionError', async () => {
    handler = (request, response) => {
      if (request.url?.startsWith('/elsewhere')) return sendJson(response, 200, revokeBody);
      response.writeHead(307, { location: `${baseUrl}/elsewhere` }).end();
    };
    const error = await client({ maxRetries: 0 }).virtualKeys.revoke('vk_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(hits.map((hit) => hit.url)).toEqual(['/api/gateway/v1/virtual-keys/vk_1/revoke']);
  });

  it('rotate returns the new secret from a real response', async () => {
    handler = (_, response) => sendJson(response, 200, rotateBody);
    await expect(client().virtualKeys.rotate('vk_1')).resolves.toMatchObject({ secret: rotateBody.secret });
  });

  // Issue 10, defect 8: the reason phrase is server text like the body.
  it('a key echoed in the reason phrase, with an empty body, reaches no rendering of the error', async () => {
    const lw = client({ maxRetries: 0 });
    handler = (_, response) => response.writeHead(401, `Bad key ${PROJECT_KEY}`).end();
    const projectError = await lw.virtualKeys.revoke('vk_1').catch((e: unknown) => e);
    handler = (_, response) => response.writeHead(401, `Bad admin key ${ADMIN_KEY}, secret ${ADMIN_SECRET}`).end();
    const adminError = await lw.apiKeys.revoke('key_1').catch((e: unknown) => e);
    expect(projectError).toMatchObject({ name: 'AuthenticationError', message: 'Bad key [redacted]', body: undefined });
    expect(adminError).toMatchObject({ name: 'AuthenticationError', message: 'Bad admin key [redacted], secret [redacted]' });
    for (const error of [projectError, adminError]) expectNoSecrets(error, [PROJECT_KEY, ADMIN_KEY, ADMIN_SECRET]);
  });

  // Issue 10, defect 9: JSON object keys are server text too.
  it('a key echoed as a JSON object key reaches neither error.body nor any rendering', async () => {
    handler = (_, response) => sendJson(response, 401, { error: 'unauthorized', tried: { [PROJECT_KEY]: 'invalid', [`admin ${ADMIN_SECRET}`]: 'invalid' } });
    const error = await client({ maxRetries: 0 }).virtualKeys.revoke('vk_1').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AuthenticationError', code: 'unauthorized', body: { tried: { '[redacted]': 'invalid', 'admin [redacted]': 'invalid' } } });
    expectNoSecrets(error, [PROJECT_KEY, ADMIN_KEY, ADMIN_SECRET]);
  });
});
