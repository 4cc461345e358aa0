// Both clients against real sockets that fail the ways networks and servers fail: refused,
// reset mid-body, silent, aborted by the caller, a proxy's HTML 502, truncated JSON, 429 with
// Retry-After, and credentials echoed everywhere a server can put text. The clients' waits
// (attempt deadlines, retry sleeps) run on fake timers, driven to their exact boundaries.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiConnectionError, ApiTimeoutError, InternalServerError, RateLimitError, ResponseValidationError, createLangWatchClient, type CallOptions } from '@revokit/langwatch';
import { langwatchValidators } from '@revokit/langwatch/validators';
import { createVineClient } from '@revokit/vine';
import { vineValidators } from '@revokit/vine/validators';
import { expectNoSecrets } from '@revokit/runtime/testing/leak-scan';
import { ADMIN_KEY, ADMIN_SECRET, PROJECT_KEY, revokeBody, rotateBody } from '../../packages/langwatch/src/testing/fixtures.js';
import { VINE_KEY, revokeBody as vineRevokeBody } from '../../packages/vine/src/testing/fixtures.js';
import { fakeClock, httpServer, rawServer, refusingUrl, settleIo, until, type TestServer } from './sdk-servers.js';

const NOW = Date.UTC(2030, 0, 1, 12, 0, 0);
/** Per-attempt deadline (fake ms): distinct from every retry delay, so waits tell them apart. */
const TIMEOUT_MS = 30_000;
const BACKOFF = [500, 1000]; // Math.random() is 0: no jitter

interface Operation {
  name: string;
  /** Retried on anything transient; false: only when the request provably never left (rotate). */
  idempotent: boolean;
  run(baseUrl: string, options?: CallOptions, validate?: boolean): Promise<unknown>;
  okBody: unknown;
  /** What this client was given, and must never show. */
  secrets: string[];
}

const langwatch = (baseUrl: string, validate = false) =>
  createLangWatchClient({ apiKey: PROJECT_KEY, adminApiKey: ADMIN_KEY, baseUrl, timeoutMs: TIMEOUT_MS, ...(validate ? { validators: langwatchValidators } : {}) });
const vine = (baseUrl: string, validate = false) =>
  createVineClient({ apiKey: VINE_KEY, baseUrl, timeoutMs: TIMEOUT_MS, ...(validate ? { validators: vineValidators } : {}) });
const LANGWATCH_SECRETS = [PROJECT_KEY, ADMIN_KEY, ADMIN_SECRET];

const operations: Operation[] = [
  { name: 'LangWatch virtualKeys.revoke', idempotent: true, run: (url, o, v) => langwatch(url, v).virtualKeys.revoke('vk_1', o), okBody: revokeBody, secrets: LANGWATCH_SECRETS },
  { name: 'LangWatch virtualKeys.rotate', idempotent: false, run: (url, o, v) => langwatch(url, v).virtualKeys.rotate('vk_1', o), okBody: rotateBody, secrets: LANGWATCH_SECRETS },
  { name: 'LangWatch apiKeys.revoke', idempotent: true, run: (url, o, v) => langwatch(url, v).apiKeys.revoke('key_1', o), okBody: { success: true }, secrets: LANGWATCH_SECRETS },
  { name: 'Vine keys.revoke', idempotent: true, run: (url, o, v) => vine(url, v).keys.revoke('key_1', o), okBody: vineRevokeBody, secrets: [VINE_KEY] },
];

let clock: { waits: number[] };
let servers: TestServer[];
beforeEach(() => {
  clock = fakeClock(NOW);
  vi.spyOn(Math, 'random').mockReturnValue(0);
  servers = [];
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await Promise.all(servers.map((server) => server.close()));
});

const attempts = () => clock.waits.filter((ms) => ms === TIMEOUT_MS).length;
const sleeps = () => clock.waits.filter((ms) => ms !== TIMEOUT_MS);
const serve = async (server: Promise<TestServer>) => {
  servers.push(await server);
  return servers.at(-1)!;
};
/**
 * Starts a call; the returned function waits (5 s of real time at most) for it to settle. A call
 * still waiting on a fake timer, say to retry, fails the test at once instead of hanging it.
 */
function start(promise: Promise<unknown>): () => Promise<{ value?: unknown; error?: any }> {
  let outcome: { value?: unknown; error?: any } | undefined;
  promise.then((value) => (outcome = { value }), (error: unknown) => (outcome = { error }));
  return async () => {
    await until(() => outcome !== undefined, 'the call to settle');
    return outcome!;
  };
}

/**
 * Lets each retry happen exactly when it should: waits for the client to schedule the sleep,
 * checks its length, advances to one millisecond before it (nothing sent), then to it.
 */
async function driveRetries(delays: readonly number[], sent: () => number) {
  for (const [index, delay] of delays.entries()) {
    await until(() => sleeps().length > index, `retry sleep ${index + 1}`);
    expect(sleeps()[index]).toBe(delay);
    const before = sent();
    await vi.advanceTimersByTimeAsync(delay - 1);
    await settleIo();
    expect(sent()).toBe(before);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => sent() > before, `attempt ${index + 2}`);
  }
}

describe.each(operations.map((operation) => [operation.name, operation] as const))('%s', (_, operation) => {
  const retries = operation.idempotent ? BACKOFF : [];

  it('connection refused: ApiConnectionError after 3 attempts (never sent, so even rotate retries)', async () => {
    const settle = start(operation.run(await refusingUrl()));
    await driveRetries(BACKOFF, attempts);
    const { error } = await settle();
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(attempts()).toBe(3);
  });

  it(`reset mid-body: ApiConnectionError after ${retries.length + 1} attempt(s)`, async () => {
    const server = await serve(
      rawServer((socket) => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 400\r\n\r\n{"virtual_key":{"id":');
        setImmediate(() => socket.resetAndDestroy());
      }),
    );
    const settle = start(operation.run(server.url));
    await driveRetries(retries, server.hits);
    expect((await settle()).error).toBeInstanceOf(ApiConnectionError);
    expect(server.hits()).toBe(retries.length + 1);
    expect(sleeps()).toEqual(retries);
  });

  it(`never answering: ApiTimeoutError at exactly timeoutMs, ${retries.length + 1} attempt(s)`, async () => {
    const server = await serve(httpServer(() => {}));
    const settle = start(operation.run(server.url));
    for (let attempt = 1; attempt <= retries.length + 1; attempt++) {
      await until(() => server.hits() === attempt, `attempt ${attempt}`);
      await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
      await settleIo(10);
      expect(sleeps()).toHaveLength(attempt - 1); // not timed out a moment early
      await vi.advanceTimersByTimeAsync(1);
      if (attempt <= retries.length) {
        await until(() => sleeps().length === attempt, `sleep ${attempt}`);
        await vi.advanceTimersByTimeAsync(retries[attempt - 1]!);
      }
    }
    const { error } = await settle();
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(error.timeoutMs).toBe(TIMEOUT_MS);
    expect(server.hits()).toBe(retries.length + 1);
  });

  it("caller abort in flight: rejects with the caller's reason, nothing retried", async () => {
    const server = await serve(httpServer(() => {}));
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const settle = start(operation.run(server.url, { signal: controller.signal }));
    await until(() => server.hits() === 1, 'the request');
    controller.abort(reason);
    expect((await settle()).error).toBe(reason);
    await settleIo();
    expect(server.hits()).toBe(1);
    expect(sleeps()).toEqual([]);
  });

  it("caller abort during the retry wait: rejects with the caller's reason at once", async () => {
    const controller = new AbortController();
    const settle = start(operation.run(await refusingUrl(), { signal: controller.signal }));
    await until(() => sleeps().length === 1, 'the first retry sleep');
    controller.abort('stop');
    expect(await settle()).toEqual({ error: 'stop' });
    expect(attempts()).toBe(1);
  });

  it(`a proxy's HTML 502: InternalServerError with the page, ${retries.length + 1} attempt(s)`, async () => {
    const page = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
    const server = await serve(httpServer((_, response) => response.writeHead(502, { 'content-type': 'text/html' }).end(page)));
    const settle = start(operation.run(server.url));
    await driveRetries(retries, server.hits);
    expect((await settle()).error).toMatchObject({ constructor: InternalServerError, status: 502, message: 'Bad Gateway', body: page });
    expect(server.hits()).toBe(retries.length + 1);
  });

  it('truncated JSON in a complete 200: ResponseValidationError, not retried', async () => {
    const server = await serve(httpServer((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"virtual_key":{"id":"vk_1",')));
    const { error } = await start(operation.run(server.url))();
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ status: 200, path: '', body: '{"virtual_key":{"id":"vk_1",' });
    expect(error.message).toMatch(/body is not JSON/);
    expect(server.hits()).toBe(1);
  });

  it(`JSON cut short by the connection closing: ApiConnectionError, ${retries.length + 1} attempt(s)`, async () => {
    const server = await serve(
      rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 400\r\n\r\n{"virtual_key":{"id":"vk_1",')),
    );
    const settle = start(operation.run(server.url));
    await driveRetries(retries, server.hits);
    expect((await settle()).error).toBeInstanceOf(ApiConnectionError);
    expect(server.hits()).toBe(retries.length + 1);
  });

  const rateLimited = (retryAfter: () => string) => {
    let calls = 0;
    return httpServer((_, response) => {
      if (++calls === 1) response.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter() }).end('{"error":"rate_limited"}');
      else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(operation.okBody));
    });
  };

  it.each([
    ['in seconds', () => '2', 2_000],
    ['as an HTTP date', () => new Date(Date.now() + 3_000).toUTCString(), 3_000],
  ])(`429 with Retry-After %s: ${operation.idempotent ? 'waits exactly that long, then succeeds' : 'RateLimitError, not retried'}`, async (_, header, wait) => {
    const server = await serve(rateLimited(header));
    const settle = start(operation.run(server.url));
    if (operation.idempotent) {
      await driveRetries([wait], server.hits);
      expect(await settle()).toEqual({ value: operation.okBody });
      expect(server.hits()).toBe(2);
    } else {
      expect((await settle()).error).toBeInstanceOf(RateLimitError);
      await settleIo();
      expect(server.hits()).toBe(1);
      expect(sleeps()).toEqual([]);
    }
  });

  it('429 asking for more than 60 s: fails at once with the header on the error', async () => {
    const server = await serve(rateLimited(() => '61'));
    const { error } = await start(operation.run(server.url))();
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.headers.get('retry-after')).toBe('61');
    expect(server.hits()).toBe(1);
    expect(sleeps()).toEqual([]);
  });
});

describe('credentials echoed everywhere a server can put text', () => {
  /** Every form a server may echo a key in: as given, lower-cased (header names), percent-encoded. */
  const forms = (secret: string) => [secret, secret.toLowerCase(), [...secret].map((char) => `%${char.charCodeAt(0).toString(16)}`).join('')];
  const echoOf = (secrets: string[]) => secrets.flatMap(forms).join(' ');

  /** status, reason phrase, headers (names and values) and body, all echoing every key. */
  const echoing = (secrets: string[], status: number, body: (echo: string) => string, contentType: string) =>
    httpServer((_, response) => {
      const echo = echoOf(secrets);
      const headers: [string, string][] = [
        ['content-type', contentType],
        ['x-echo', echo],
        ['www-authenticate', `Bearer ${secrets[0]}`],
        ['set-cookie', `seen=${secrets.at(-1)}`],
        ['x-request-id', `req ${secrets[0]}`],
        ...secrets.map((secret, index): [string, string] => [`x-${index}-${secret}`, 'header name']),
      ];
      response.writeHead(status, `Bad key ${echo}`, headers.flat()).end(body(echo));
    });

  // [case, status, body, content type, fails only with validators on]
  const cases: [string, number, (echo: string) => string, string, boolean][] = [
    ['JSON error, keys in values and object keys', 401, (echo) => JSON.stringify({ error: `code ${echo}`, message: `message ${echo}`, tried: Object.fromEntries(echo.split(' ').map((key) => [key, 'invalid'])), [echo]: [echo] }), 'application/json', false],
    ['empty body: the reason phrase is the message', 401, () => '', 'application/json', false],
    ['HTML page', 502, (echo) => `<html><body>${echo}</body></html>`, 'text/html', false],
    ['2xx that is not JSON', 200, (echo) => `ok ${echo}`, 'text/plain', false],
    ['2xx JSON the spec does not allow', 200, (echo) => JSON.stringify({ virtual_key: echo, key: echo, success: echo, [echo]: echo }), 'application/json', true],
  ];

  describe.each(operations.map((operation) => [operation.name, operation] as const))('%s', (_, operation) => {
    it.each(cases)('%s: no rendering of the error shows a key in any form', async (__, status, body, contentType, validatedOnly) => {
      const server = await serve(echoing(operation.secrets, status, body, contentType));
      const calls = [operation.run(server.url, { maxRetries: 0 }, true)];
      if (!validatedOnly) calls.push(operation.run(server.url, { maxRetries: 0 }));
      for (const call of calls) {
        const { error } = await start(call)();
        expect(error).toBeInstanceOf(Error);
        expectNoSecrets(error, operation.secrets.flatMap(forms));
        const { headers } = error as { headers?: Headers };
        expect(JSON.stringify([...headers!])).toContain('[redacted]');
      }
    });
  });

  it('the scan sees the forms it looks for (guards against a vacuous pass)', () => {
    for (const form of forms(PROJECT_KEY)) expect(() => expectNoSecrets(new Error(`x ${form}`), forms(PROJECT_KEY))).toThrow();
  });
});
