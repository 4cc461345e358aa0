import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scriptedFetch, json, text, fetchFailed, browserFetchFailed } from '@revokit/runtime/testing/fake-fetch';
import { attemptsFor, failures, rejectionAfterRetries } from '@revokit/runtime/testing/failures';
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
  createLangWatchClient,
  type LangWatchClientOptions,
} from './index.js';
import { createRawLangWatchClients } from './raw.js';
import { langwatchValidators } from './validators.js';
import { ADMIN_KEY, BASE_URL, PROJECT_KEY, revokeBody, rotateBody } from './testing/fixtures.js';
import { setup } from './testing/setup.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});


type Method = 'virtualKeys.revoke' | 'virtualKeys.rotate' | 'apiKeys.revoke';
const METHODS: Method[] = ['virtualKeys.revoke', 'virtualKeys.rotate', 'apiKeys.revoke'];
function call(lw: ReturnType<typeof createLangWatchClient>, method: Method, id: string, options?: Parameters<typeof lw.apiKeys.revoke>[1]) {
  if (method === 'virtualKeys.revoke') return lw.virtualKeys.revoke(id, options);
  if (method === 'virtualKeys.rotate') return lw.virtualKeys.rotate(id, options);
  return lw.apiKeys.revoke(id, options);
}
const okBody = { 'virtualKeys.revoke': revokeBody, 'virtualKeys.rotate': rotateBody, 'apiKeys.revoke': { success: true } };

describe('requests', () => {
  it('virtualKeys.revoke: POST with the project key as X-Auth-Token, resolving to the body', async () => {
    const { fetch, lw } = setup([json(200, revokeBody)]);
    await expect(lw.virtualKeys.revoke('vk_1')).resolves.toEqual(revokeBody);
    const [request] = fetch.requests;
    expect(request).toMatchObject({ method: 'POST', url: `${BASE_URL}/api/gateway/v1/virtual-keys/vk_1/revoke` });
    expect(request!.headers.get('x-auth-token')).toBe(PROJECT_KEY);
    expect(request!.headers.get('authorization')).toBeNull();
  });

  it('virtualKeys.rotate: POST, resolving to the key and its new secret', async () => {
    const { fetch, lw } = setup([json(200, rotateBody)]);
    const result = await lw.virtualKeys.rotate('vk_1');
    expect(result.secret).toBe(rotateBody.secret);
    expect(result).toEqual(rotateBody);
    expect(fetch.requests[0]).toMatchObject({ method: 'POST', url: `${BASE_URL}/api/gateway/v1/virtual-keys/vk_1/rotate` });
    expect(fetch.requests[0]!.headers.get('x-auth-token')).toBe(PROJECT_KEY);
  });

  it('apiKeys.revoke: DELETE with the admin key as a bearer token', async () => {
    const { fetch, lw } = setup([json(200, { success: true })]);
    await expect(lw.apiKeys.revoke('key_1')).resolves.toEqual({ success: true });
    const [request] = fetch.requests;
    expect(request).toMatchObject({ method: 'DELETE', url: `${BASE_URL}/api/api-keys/key_1` });
    expect(request!.headers.get('authorization')).toBe(`Bearer ${ADMIN_KEY}`);
    expect(request!.headers.get('x-auth-token')).toBeNull();
  });

  it('defaults baseUrl to the spec server and keeps a path prefix', async () => {
    const fetch = scriptedFetch(json(200, revokeBody));
    await createLangWatchClient({ apiKey: PROJECT_KEY, fetch }).virtualKeys.revoke('vk_1');
    expect(fetch.requests[0]!.url).toBe('https://app.langwatch.ai/api/gateway/v1/virtual-keys/vk_1/revoke');
    await createLangWatchClient({ apiKey: PROJECT_KEY, fetch, baseUrl: 'http://localhost:4010/lw/' }).virtualKeys.revoke('vk_1');
    expect(fetch.requests[1]!.url).toBe('http://localhost:4010/lw/api/gateway/v1/virtual-keys/vk_1/revoke');
  });

  it('looks up the global fetch at call time (so MSW or a stub installed later applies)', async () => {
    const lw = createLangWatchClient({ apiKey: PROJECT_KEY });
    const fetch = scriptedFetch(json(200, revokeBody));
    vi.stubGlobal('fetch', fetch);
    await expect(lw.virtualKeys.revoke('vk_1')).resolves.toEqual(revokeBody);
    expect(fetch.requests).toHaveLength(1);
  });

  it('refuses redirects (fetch would carry X-Auth-Token to another origin)', async () => {
    const { fetch, lw } = setup([json(200, revokeBody)]);
    await lw.virtualKeys.revoke('vk_1');
    const seen = vi.fn();
    await createLangWatchClient({
      apiKey: PROJECT_KEY,
      fetch: async (input, init) => (seen(new Request(input, init).redirect), fetch(input, init)),
    }).virtualKeys.revoke('vk_1');
    expect(seen).toHaveBeenCalledWith('error');
  });
});

describe('path parameters', () => {
  it.each(METHODS)('%s keeps `a/b?c#d` as one percent-encoded segment', async (method) => {
    const { fetch, lw } = setup([json(200, okBody[method])]);
    await call(lw, method, 'a/b?c#d');
    const url = new URL(fetch.requests[0]!.url);
    expect(url.pathname).toMatch(/\/a%2Fb%3Fc%23d(\/revoke|\/rotate)?$/);
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
  });

  it.each(METHODS.flatMap((method) => ['', '.', '..'].map((id) => [method, id] as const)))('%s rejects id %j with a TypeError before any request', async (method, id) => {
    const { fetch, lw } = setup([json(200, okBody[method])]);
    await expect(call(lw, method, id)).rejects.toThrow(TypeError);
    expect(fetch.requests).toHaveLength(0);
  });

  it.each([PROJECT_KEY, 'lw_vk_live_abc', 'vine_live_abc'])('rejects an id that is a secret key (%#) without sending it', async (id) => {
    const { fetch, lw } = setup([json(200, revokeBody)]);
    const error = await lw.virtualKeys.revoke(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).not.toContain(id);
    expect(fetch.requests).toHaveLength(0);
  });
});

describe('credentials', () => {
  it('virtual-key operations need apiKey: TypeError naming it, before any request', async () => {
    const { fetch, lw } = setup([json(200, revokeBody)], { apiKey: undefined });
    await expect(lw.virtualKeys.revoke('vk_1')).rejects.toThrow(new TypeError('virtualKeys.revoke needs the apiKey option: a LangWatch project key (sk-lw-…, no underscore)'));
    await expect(lw.virtualKeys.rotate('vk_1')).rejects.toThrow(/^virtualKeys\.rotate needs the apiKey option/);
    expect(fetch.requests).toHaveLength(0);
  });

  it('apiKeys.revoke needs adminApiKey', async () => {
    const { fetch, lw } = setup([json(200, {})], { adminApiKey: undefined });
    await expect(lw.apiKeys.revoke('key_1')).rejects.toThrow(new TypeError('apiKeys.revoke needs the adminApiKey option: a LangWatch admin key (sk-lw-{id}_{secret})'));
    expect(fetch.requests).toHaveLength(0);
  });

  it.each([
    ['apiKey', ADMIN_KEY, /^apiKey expects a LangWatch project key .*looks like a LangWatch admin key .*pass it as adminApiKey$/],
    ['apiKey', 'vine_live_0123456789abcdef', /^apiKey expects a LangWatch project key .*looks like a Vine API key .*createVineClient$/],
    ['apiKey', 'lw_vk_live_0123456789abcdef', /^apiKey expects a LangWatch project key .*looks like a LangWatch virtual-key secret/],
    ['adminApiKey', PROJECT_KEY, /^adminApiKey expects a LangWatch admin key .*looks like a LangWatch project key .*pass it as apiKey$/],
    ['adminApiKey', 'vine_test_0123456789abcdef', /^adminApiKey expects a LangWatch admin key .*looks like a Vine API key/],
    ['adminApiKey', 'lw_vk_test_0123456789abcdef', /^adminApiKey expects a LangWatch admin key .*virtual-key secret/],
    ['apiKey', '', /^apiKey must be a non-empty string/],
    ['adminApiKey', `${ADMIN_KEY}\n`, /^adminApiKey must be a non-empty string of visible ASCII/],
  ] as const)('rejects %s = a wrong kind of key at construction (%#), without quoting it', (option, key, message) => {
    const create = () => createLangWatchClient({ [option]: key });
    expect(create).toThrow(TypeError);
    expect(create).toThrow(message);
    try {
      create();
    } catch (error) {
      if (key.trim()) expect(String((error as Error).stack)).not.toContain(key.trim());
    }
  });

  it('accepts a client with no key at all (it can still be constructed, e.g. for raw use)', () => {
    expect(() => createLangWatchClient({})).not.toThrow();
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
    [503, InternalServerError],
    [418, ApiError],
  ])('status %i → %o with code, message, body, headers and requestId', async (status, ErrorClass) => {
    const body = { error: `code_${status}`, message: `message ${status}` };
    const { lw } = setup([json(status, body, { 'x-request-id': `req_${status}`, 'x-other': 'kept' })], { maxRetries: 0 });
    const error = (await lw.virtualKeys.revoke('vk_1').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.constructor).toBe(ErrorClass);
    expect(error).toMatchObject({ status, code: `code_${status}`, message: `message ${status}`, body, requestId: `req_${status}` });
    expect(error.headers.get('x-other')).toBe('kept');
  });

  it('falls back to the status text when the body has no message', async () => {
    const { lw } = setup([new Response(JSON.stringify({ error: 'invalid_id' }), { status: 400, statusText: 'Bad Request' })]);
    const error = (await lw.virtualKeys.revoke('vk_1').catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 400, code: 'invalid_id', message: 'Bad Request', requestId: undefined });
  });

  it('a 502 HTML page: InternalServerError with the raw text as body', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const { lw } = setup([new Response(html, { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } })], { maxRetries: 0 });
    const error = (await lw.virtualKeys.rotate('vk_1').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, code: undefined, message: 'Bad Gateway', body: html });
  });

  it('an undocumented 404 on a virtual-key route: NotFoundError', async () => {
    const { lw } = setup([json(404, { error: 'not_found', message: 'Virtual key not found' })]);
    await expect(lw.virtualKeys.revoke('vk_missing')).rejects.toMatchObject({ name: 'NotFoundError', status: 404, code: 'not_found', message: 'Virtual key not found' });
  });

  it('a bodiless 401 from /api/api-keys: AuthenticationError with no body', async () => {
    const { lw } = setup([new Response(null, { status: 401, statusText: 'Unauthorized' })]);
    const error = (await lw.apiKeys.revoke('key_1').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: undefined, message: 'Unauthorized', body: undefined });
  });

  it('without a status text, the message still says what happened', async () => {
    const { lw } = setup([new Response(null, { status: 403 })]);
    await expect(lw.apiKeys.revoke('key_1')).rejects.toThrow(new PermissionDeniedError({ status: 403, code: undefined, message: 'HTTP 403', body: undefined, headers: new Headers(), requestId: undefined }));
  });

  it('connection failures: ApiConnectionError (Node and browser shapes)', async () => {
    for (const failure of [fetchFailed('ECONNRESET'), browserFetchFailed()]) {
      const { lw } = setup([failure], { maxRetries: 0 });
      const error = await lw.virtualKeys.revoke('vk_1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiConnectionError);
      expect(error).not.toBeInstanceOf(ApiTimeoutError);
    }
  });

  it('a 2xx body that is not JSON: ResponseValidationError', async () => {
    const { lw } = setup([text(200, 'OK')]);
    await expect(lw.apiKeys.revoke('key_1')).rejects.toMatchObject({ name: 'ResponseValidationError', operation: 'revokeApiKey', status: 200, path: '' });
  });
});

describe('timeouts and cancellation', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('an attempt longer than timeoutMs: ApiTimeoutError', async () => {
    const { lw } = setup(['hang'], { timeoutMs: 5000, maxRetries: 0 });
    const assertion = expect(lw.virtualKeys.rotate('vk_1')).rejects.toThrow(ApiTimeoutError);
    await vi.advanceTimersByTimeAsync(5000);
    await assertion;
  });

  it('the default timeout is 60 s', async () => {
    const { fetch, lw } = setup(['hang'], { maxRetries: 0 });
    const result = lw.virtualKeys.rotate('vk_1');
    const assertion = expect(result).rejects.toMatchObject({ name: 'ApiTimeoutError', timeoutMs: 60_000 });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await assertion;
  });

  it('a per-call timeoutMs applies to that call', async () => {
    const { lw } = setup(['hang'], { maxRetries: 0 });
    const assertion = expect(lw.apiKeys.revoke('key_1', { timeoutMs: 100 })).rejects.toMatchObject({ timeoutMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    await assertion;
  });

  it("a caller abort rejects with the caller's reason, also mid-retry", async () => {
    const { fetch, lw } = setup([json(500, { error: 'x' })]);
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const result = lw.virtualKeys.revoke('vk_1', { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.requests).toHaveLength(1);
    controller.abort(reason);
    await expect(result).rejects.toBe(reason);
    await vi.runAllTimersAsync();
    expect(fetch.requests).toHaveLength(1);
  });

  it('an abort while the request is in flight rejects with the reason too', async () => {
    const { lw } = setup(['hang']);
    const controller = new AbortController();
    const result = lw.virtualKeys.rotate('vk_1', { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(1);
    controller.abort('stop');
    await expect(result).rejects.toBe('stop');
  });
});

describe('retries', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  // Expected attempts with maxRetries 2: 3 when retried, 1 when not.
  const matrix = Object.keys(failures).flatMap((failure) => [
    ['virtualKeys.revoke', failure, attemptsFor('idempotent', failure)] as const,
    ['apiKeys.revoke', failure, attemptsFor('idempotent', failure)] as const,
    ['virtualKeys.rotate', failure, attemptsFor('unsent-only', failure)] as const,
  ]);

  it.each(matrix)('%s on %s: %i attempt(s), then the error', async (method, failure, attempts) => {
    const { fetch, lw } = setup([failures[failure]!()], { timeoutMs: 1000 });
    const error = await rejectionAfterRetries(call(lw, method, 'id_1'));
    expect(fetch.requests).toHaveLength(attempts);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TypeError);
  });

  it.each(METHODS)('%s succeeds when a retry does', async (method) => {
    const first = method === 'virtualKeys.rotate' ? fetchFailed('ECONNREFUSED') : json(503, { error: 'unavailable' });
    const { fetch, lw } = setup([first, json(200, okBody[method])]);
    const result = call(lw, method, 'id_1');
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual(okBody[method]);
    expect(fetch.requests).toHaveLength(2);
  });

  it('rotate is never retried once the request may have reached the server (500, timeout, reset)', async () => {
    for (const reply of [json(500, { error: 'internal' }), 'hang' as const, fetchFailed('ECONNRESET')]) {
      const { fetch, lw } = setup([reply, json(200, rotateBody)], { timeoutMs: 100, maxRetries: 5 });
      const result = lw.virtualKeys.rotate('vk_1').catch((e: unknown) => e);
      await vi.runAllTimersAsync();
      expect(await result).toBeInstanceOf(Error);
      expect(fetch.requests).toHaveLength(1);
    }
  });

  it('maxRetries bounds the attempts, from the client or per call', async () => {
    const zero = setup([json(500, {})], { maxRetries: 0 });
    await expect(zero.lw.virtualKeys.revoke('vk_1')).rejects.toBeInstanceOf(InternalServerError);
    expect(zero.fetch.requests).toHaveLength(1);

    const perCall = setup([json(500, {})]);
    const result = perCall.lw.virtualKeys.revoke('vk_1', { maxRetries: 4 }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    await result;
    expect(perCall.fetch.requests).toHaveLength(5);
  });

  it('honours Retry-After on 429', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { fetch, lw } = setup([json(429, { error: 'rate_limited' }, { 'retry-after': '7' }), json(200, revokeBody)]);
    const result = lw.virtualKeys.revoke('vk_1');
    await vi.advanceTimersByTimeAsync(6999);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(revokeBody);
  });

  it('admin revoke: a 409 on a retry means an earlier attempt revoked the key → { success: true }', async () => {
    const { fetch, lw } = setup([fetchFailed('ECONNRESET'), new Response(null, { status: 409, statusText: 'Conflict' })]);
    const result = lw.apiKeys.revoke('key_1');
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({ success: true });
    expect(fetch.requests).toHaveLength(2);
  });

  it('admin revoke: a 409 on the first attempt is a ConflictError (already revoked before)', async () => {
    const { lw } = setup([new Response(null, { status: 409, statusText: 'Conflict' })]);
    await expect(lw.apiKeys.revoke('key_1')).rejects.toMatchObject({ name: 'ConflictError', status: 409, message: 'Conflict' });
  });

  it('virtual-key revoke does not treat a 409 on retry as success', async () => {
    const { lw } = setup([json(503, {}), json(409, { error: 'conflict' })]);
    const result = lw.virtualKeys.revoke('vk_1').catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await result).toBeInstanceOf(ConflictError);
  });
});

describe('validators', () => {
  it('validateResponses (0.1.0) is refused with a TypeError naming the validators option', () => {
    const legacy = { apiKey: PROJECT_KEY, validateResponses: true } as LangWatchClientOptions;
    expect(() => createLangWatchClient(legacy)).toThrow(
      new TypeError("validateResponses is gone: pass validators: langwatchValidators from '@revokit/langwatch/validators'"),
    );
    expect(() => createLangWatchClient({ ...legacy, validateResponses: false } as LangWatchClientOptions)).not.toThrow();
  });

  it("refuses another API's validators, or anything else", async () => {
    const { vineValidators } = await import('@revokit/vine/validators');
    for (const validators of [vineValidators, {}, { api: 'langwatch' }, () => undefined]) {
      // @ts-expect-error: the option is typed to LangWatch's validators only
      expect(() => createLangWatchClient({ apiKey: PROJECT_KEY, validators })).toThrow(
        new TypeError("validators must be langwatchValidators from '@revokit/langwatch/validators'"),
      );
    }
  });

  it('off (default): the body is returned as received', async () => {
    const bad = { virtual_key: { ...revokeBody.virtual_key, status: 'paused' } };
    const { lw } = setup([json(200, bad)]);
    await expect(lw.virtualKeys.revoke('vk_1')).resolves.toEqual(bad);
  });

  it('on: a good body passes', async () => {
    const { lw } = setup([json(200, revokeBody), json(200, rotateBody), json(200, { success: true }), json(200, {})], { validators: langwatchValidators });
    await expect(lw.virtualKeys.revoke('vk_1')).resolves.toEqual(revokeBody);
    await expect(lw.virtualKeys.rotate('vk_1')).resolves.toEqual(rotateBody);
    await expect(lw.apiKeys.revoke('key_1')).resolves.toEqual({ success: true });
    await expect(lw.apiKeys.revoke('key_1')).resolves.toEqual({});
  });

  it('on: a bad body throws ResponseValidationError naming the first bad field', async () => {
    const bad = { virtual_key: { ...revokeBody.virtual_key, status: 'paused' } };
    const { lw } = setup([json(200, bad, { 'x-request-id': 'req_v' })], { validators: langwatchValidators });
    const error = (await lw.virtualKeys.revoke('vk_1').catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ path: 'virtual_key.status', status: 200, requestId: 'req_v', operation: 'postApiGatewayV1Virtual-keysByIdRevoke' });
    expect(error.message).toContain('virtual_key.status');
    expect(error.body).toEqual(bad);
  });

  it('on: a rotate body without its secret fails, and the error does not print what it holds', async () => {
    const { virtual_key } = rotateBody;
    const { lw } = setup([json(200, { virtual_key: { ...virtual_key, revision: 3 }, secret: rotateBody.secret })], { validators: langwatchValidators });
    const error = (await lw.virtualKeys.rotate('vk_1').catch((e: unknown) => e)) as ResponseValidationError;
    expect(error.path).toBe('virtual_key.revision');
    expect(error.message).toBe('postApiGatewayV1Virtual-keysByIdRotate: response 200 is invalid at virtual_key.revision: expected string, received number');
    expect(JSON.stringify(error)).not.toContain(rotateBody.secret);
  });

  it('on: admin revoke with success of the wrong type', async () => {
    const { lw } = setup([json(200, { success: 'yes' })], { validators: langwatchValidators });
    await expect(lw.apiKeys.revoke('key_1')).rejects.toMatchObject({ name: 'ResponseValidationError', path: 'success' });
  });
});

describe('raw (@revokit/langwatch/raw)', () => {
  it('gives the typed openapi-fetch clients with the credentials attached', async () => {
    const fetch = scriptedFetch(json(200, revokeBody), json(200, { success: true }));
    const raw = createRawLangWatchClients({ apiKey: PROJECT_KEY, adminApiKey: ADMIN_KEY, baseUrl: BASE_URL, fetch });
    const { data } = await raw.virtualKeys.POST('/api/gateway/v1/virtual-keys/{id}/revoke', { params: { path: { id: 'vk_1' } } });
    expect(data?.virtual_key.status).toBe('revoked');
    expect(fetch.requests[0]!.headers.get('x-auth-token')).toBe(PROJECT_KEY);
    await raw.apiKeys.DELETE('/api/api-keys/{id}', { params: { path: { id: 'k/1' } } });
    expect(fetch.requests[1]!.url).toBe(`${BASE_URL}/api/api-keys/k%2F1`);
    expect(fetch.requests[1]!.headers.get('authorization')).toBe(`Bearer ${ADMIN_KEY}`);
  });

  it('rejects unaddressable ids, wrong keys and bad base URLs like the client', async () => {
    const fetch = scriptedFetch(json(200, revokeBody));
    const raw = createRawLangWatchClients({ apiKey: PROJECT_KEY, fetch });
    await expect(raw.virtualKeys.POST('/api/gateway/v1/virtual-keys/{id}/rotate', { params: { path: { id: '..' } } })).rejects.toThrow(TypeError);
    expect(fetch.requests).toHaveLength(0);
    expect(() => createRawLangWatchClients({ apiKey: ADMIN_KEY })).toThrow(/pass it as adminApiKey/);
    expect(() => createRawLangWatchClients({ baseUrl: 'ftp://x.test' })).toThrow(TypeError);
  });

  it('refuses redirects', async () => {
    const fetch = scriptedFetch(json(200, revokeBody));
    await createRawLangWatchClients({ apiKey: PROJECT_KEY, fetch }).virtualKeys.POST('/api/gateway/v1/virtual-keys/{id}/revoke', { params: { path: { id: 'vk_1' } } });
    const seen = vi.fn();
    await createRawLangWatchClients({ apiKey: PROJECT_KEY, fetch: async (input, init) => (seen(new Request(input, init).redirect), fetch(input, init)) }).virtualKeys.POST(
      '/api/gateway/v1/virtual-keys/{id}/revoke',
      { params: { path: { id: 'vk_1' } } },
    );
    expect(seen).toHaveBeenCalledWith('error');
  });
});
