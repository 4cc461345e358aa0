import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { browserFetchFailed, fetchFailed, json, scriptedFetch, text, type Reply } from '@revokit/runtime/testing/fake-fetch';
import { expectNoSecrets } from '@revokit/runtime/testing/leak-scan';
import {
  ApiConnectionError,
  ApiError,
  ApiTimeoutError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  UnprocessableEntityError,
  createVineClient,
  type VineClientOptions,
} from './index.js';
import { createRawVineClient } from './raw.js';
import { vineValidators } from './validators.js';
import { BASE_URL, VINE_KEY, revokeBody } from './testing/fixtures.js';
import { setup } from './testing/setup.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});


describe('keys.revoke', () => {
  it('POSTs with the key as a bearer token and resolves to the body', async () => {
    const { fetch, vine } = setup([json(200, revokeBody)]);
    await expect(vine.keys.revoke('key_1')).resolves.toEqual(revokeBody);
    expect(fetch.requests[0]).toMatchObject({ method: 'POST', url: `${BASE_URL}/api/v1/keys/key_1/revoke` });
    expect(fetch.requests[0]!.headers.get('authorization')).toBe(`Bearer ${VINE_KEY}`);
  });

  it('the operation declares security: [] — without apiKey it sends no credential, and does not throw', async () => {
    const { fetch, vine } = setup([json(200, revokeBody)], { apiKey: undefined });
    await expect(vine.keys.revoke('key_1')).resolves.toEqual(revokeBody);
    expect(fetch.requests[0]!.headers.get('authorization')).toBeNull();
  });

  it('defaults baseUrl to the spec server', async () => {
    const fetch = scriptedFetch(json(200, revokeBody));
    await createVineClient({ fetch }).keys.revoke('key_1');
    expect(fetch.requests[0]!.url).toBe('https://vine.getcourtyard.ai/api/v1/keys/key_1/revoke');
  });

  it('keeps `a/b?c#d` as one segment', async () => {
    const { fetch, vine } = setup([json(200, revokeBody)]);
    await vine.keys.revoke('a/b?c#d');
    expect(new URL(fetch.requests[0]!.url).pathname).toBe('/api/v1/keys/a%2Fb%3Fc%23d/revoke');
  });

  it.each(['', '.', '..', VINE_KEY])('rejects id %j with a TypeError before any request', async (id) => {
    const { fetch, vine } = setup([json(200, revokeBody)]);
    await expect(vine.keys.revoke(id)).rejects.toThrow(TypeError);
    expect(fetch.requests).toHaveLength(0);
  });
});

describe('credentials', () => {
  it.each([
    ['sk-lw-ProjectKey0123456789', /^apiKey expects a Vine API key \(vine_live_… or vine_test_…\), but the value looks like a LangWatch key .*createLangWatchClient$/],
    ['sk-lw-AbCdEfGh12345678_Secret0123456789', /looks like a LangWatch key/],
    ['lw_vk_live_0123456789', /looks like a LangWatch virtual-key secret/],
    ['vine live', /^apiKey must be a non-empty string/],
  ])('rejects a wrong kind of key at construction (%#), without quoting it', (key, message) => {
    expect(() => createVineClient({ apiKey: key })).toThrow(message);
    try {
      createVineClient({ apiKey: key });
    } catch (error) {
      expect((error as Error).message).not.toContain(key);
    }
  });

  it('accepts test keys', () => {
    expect(() => createVineClient({ apiKey: 'vine_test_abc' })).not.toThrow();
  });
});

describe('errors', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [504, InternalServerError],
    [410, ApiError],
  ])('status %i → %o, code and message read from the Vine envelope', async (status, ErrorClass) => {
    const body = { error: { code: `code_${status}`, message: `message ${status}` } };
    const { vine } = setup([json(status, body, { 'x-request-id': `req_${status}` })], { maxRetries: 0 });
    const error = (await vine.keys.revoke('key_1').catch((e: unknown) => e)) as ApiError;
    expect(error.constructor).toBe(ErrorClass);
    expect(error).toMatchObject({ status, code: `code_${status}`, message: `message ${status}`, body, requestId: `req_${status}` });
    expect(error.headers.get('content-type')).toBe('application/json');
  });

  it('a LangWatch-shaped or odd body yields no code, and the status text as message', async () => {
    for (const body of [{ error: 'flat_string' }, { error: null }, ['array'], 'null']) {
      const { vine } = setup([new Response(JSON.stringify(body), { status: 404, statusText: 'Not Found' })]);
      await expect(vine.keys.revoke('key_1')).rejects.toMatchObject({ status: 404, code: undefined, message: 'Not Found' });
    }
  });

  it('a 502 HTML page', async () => {
    const { vine } = setup([new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })], { maxRetries: 0 });
    await expect(vine.keys.revoke('key_1')).rejects.toMatchObject({ name: 'InternalServerError', body: '<html>bad gateway</html>', message: 'Bad Gateway' });
  });
});

describe('retries, timeouts, cancellation', () => {
  const cases: [string, () => Reply, number][] = [
    ['connection refused', () => fetchFailed('ECONNREFUSED'), 3],
    ['connection reset', () => fetchFailed('ECONNRESET'), 3],
    ['browser network error', () => browserFetchFailed(), 3],
    ['timeout', () => 'hang', 3],
    ['408', () => json(408, {}), 3],
    ['429', () => json(429, {}), 3],
    ['500', () => json(500, {}), 3],
    ['503', () => text(503, 'down'), 3],
    ['400', () => json(400, {}), 1],
    ['401', () => json(401, {}), 1],
    ['404', () => json(404, { error: { code: 'not_found' } }), 1],
    ['409', () => json(409, {}), 1],
  ];

  it.each(cases)('%s: %#', async (_, reply, attempts) => {
    vi.useFakeTimers();
    const { fetch, vine } = setup([reply()], { timeoutMs: 500 });
    const settled = vine.keys.revoke('key_1').catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await settled).toBeInstanceOf(Error);
    expect(fetch.requests).toHaveLength(attempts);
  });

  it('succeeds after a retried failure, honouring Retry-After', async () => {
    vi.useFakeTimers();
    const { fetch, vine } = setup([json(429, {}, { 'retry-after': '2' }), json(200, revokeBody)]);
    const result = vine.keys.revoke('key_1');
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(revokeBody);
  });

  it('timeouts and connection failures have their own classes', async () => {
    vi.useFakeTimers();
    const timedOut = setup(['hang'], { timeoutMs: 100, maxRetries: 0 }).vine.keys.revoke('key_1').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100);
    expect(await timedOut).toBeInstanceOf(ApiTimeoutError);
    const failed = await setup([fetchFailed('ENOTFOUND')], { maxRetries: 0 }).vine.keys.revoke('key_1').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ApiConnectionError);
    expect(failed).not.toBeInstanceOf(ApiTimeoutError);
  });

  it("a caller abort rejects with the caller's reason", async () => {
    const { vine } = setup(['hang']);
    const controller = new AbortController();
    const result = vine.keys.revoke('key_1', { signal: controller.signal });
    controller.abort('bye');
    await expect(result).rejects.toBe('bye');
  });
});

describe('validators', () => {
  it('validateResponses (0.1.0) is refused with a TypeError naming the validators option', () => {
    expect(() => createVineClient({ validateResponses: true } as VineClientOptions)).toThrow(
      new TypeError("validateResponses is gone: pass validators: vineValidators from '@revokit/vine/validators'"),
    );
  });

  it('passes a good body, including an empty one (every field is optional)', async () => {
    const { vine } = setup([json(200, revokeBody), json(200, {})], { validators: vineValidators });
    await expect(vine.keys.revoke('key_1')).resolves.toEqual(revokeBody);
    await expect(vine.keys.revoke('key_1')).resolves.toEqual({});
  });

  it('names the first bad field', async () => {
    const { vine } = setup([json(200, { key: { ...revokeBody.key, revokedAt: 'yesterday' } })], { validators: vineValidators });
    const error = (await vine.keys.revoke('key_1').catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ path: 'key.revokedAt', operation: 'postApiV1KeysByIdRevoke' });
    expect(error.message).toBe('postApiV1KeysByIdRevoke: response 200 is invalid at key.revokedAt: expected datetime format');
  });
});

describe('no credential leaks', () => {
  it('across error kinds, with the server echoing the key', async () => {
    vi.useFakeTimers();
    const echo = `bad key ${VINE_KEY}`;
    const errors: unknown[] = [];
    for (const reply of [
      json(401, { error: { code: echo, message: echo } }, { 'x-echo': echo }),
      text(502, echo),
      text(200, echo),
      new TypeError(`fetch failed ${echo}`, { cause: Object.assign(new Error(echo), { code: 'ECONNRESET' }) }),
      'hang' as const,
    ]) {
      const settled = setup([reply], { maxRetries: 0, timeoutMs: 10 }).vine.keys.revoke('key_1').catch((e: unknown) => e);
      await vi.runAllTimersAsync();
      errors.push(await settled);
    }
    const validating = setup([json(200, { key: { id: VINE_KEY, revokedAt: VINE_KEY } })], { validators: vineValidators });
    errors.push(await validating.vine.keys.revoke('key_1').catch((e: unknown) => e));
    errors.push(await validating.vine.keys.revoke(VINE_KEY).catch((e: unknown) => e));
    try {
      createVineClient({ apiKey: `sk-lw-${VINE_KEY}` });
    } catch (error) {
      errors.push(error);
    }
    expect(errors.map((error) => (error as Error).name)).toEqual([
      'AuthenticationError',
      'InternalServerError',
      'ResponseValidationError',
      'ApiConnectionError',
      'ApiTimeoutError',
      'ResponseValidationError',
      'TypeError',
      'TypeError',
    ]);
    for (const error of errors) expectNoSecrets(error, [VINE_KEY]);
    expectNoSecrets(createVineClient({ apiKey: VINE_KEY }), [VINE_KEY]);
  });
});

describe('against a real HTTP server', () => {
  let server: Server;
  let baseUrl: string;
  const seen: IncomingMessage['headers'][] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.headers);
      response.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify(revokeBody));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the bearer key only when configured', async () => {
    await expect(createVineClient({ apiKey: VINE_KEY, baseUrl }).keys.revoke('key_1')).resolves.toEqual(revokeBody);
    await expect(createVineClient({ baseUrl }).keys.revoke('key_1')).resolves.toEqual(revokeBody);
    expect(seen.map((headers) => headers.authorization)).toEqual([`Bearer ${VINE_KEY}`, undefined]);
  });
});

describe('raw (@revokit/vine/raw)', () => {
  it('is the typed openapi-fetch client with the key attached, ids checked', async () => {
    const fetch = scriptedFetch(json(200, revokeBody));
    const raw = createRawVineClient({ apiKey: VINE_KEY, baseUrl: BASE_URL, fetch });
    const { data } = await raw.POST('/api/v1/keys/{id}/revoke', { params: { path: { id: 'key_1' } } });
    expect(data?.key?.id).toBe('key_1');
    expect(fetch.requests[0]!.headers.get('authorization')).toBe(`Bearer ${VINE_KEY}`);
    await expect(raw.POST('/api/v1/keys/{id}/revoke', { params: { path: { id: '.' } } })).rejects.toThrow(TypeError);
    expect(fetch.requests).toHaveLength(1);
    expect(() => createRawVineClient({ apiKey: 'sk-lw-abc' })).toThrow(/createLangWatchClient/);
  });
});
