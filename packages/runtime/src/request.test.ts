import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiConnectionError, ApiTimeoutError, ConflictError, InternalServerError, RateLimitError, ResponseValidationError } from './errors.js';
import { createRedactor } from './redact.js';
import { request, type OperationCall, type RequestContext } from './request.js';
import type { RetryPolicy } from './retry.js';
import { fetchFailed, json, scriptedFetch, text, type Reply } from './testing/fake-fetch.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  vi.spyOn(Math, 'random').mockReturnValue(0); // no jitter: exact delays
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function setup(replies: Reply[], context: Partial<RequestContext> = {}) {
  const fetch = scriptedFetch(...replies);
  const ctx: RequestContext = {
    baseUrl: 'https://api.test',
    fetch,
    timeoutMs: 1000,
    maxRetries: 2,
    redact: createRedactor([]),
    readErrorEnvelope: (body) => ({ code: body.error, message: body.message }),
    validate: undefined,
    ...context,
  };
  const run = <T = unknown>(policy: RetryPolicy = 'idempotent', options = {}, extra: Partial<OperationCall<T>> = {}) =>
    request<T>(ctx, { operation: 'thing', path: '/things/t1', init: { method: 'POST' }, policy, ...extra }, options);
  return { fetch, run };
}

describe('request', () => {
  it('resolves with the parsed 2xx body', async () => {
    const { run } = setup([json(200, { ok: true })]);
    await expect(run()).resolves.toEqual({ ok: true });
  });

  it.each([
    ['HTML', text(200, '<html>hi</html>')],
    ['an empty body', new Response(null, { status: 200 })],
    ['an empty body with content-length 0', new Response('', { status: 200, headers: { 'content-length': '0' } })],
  ])('turns a 2xx with %s into ResponseValidationError', async (_, response) => {
    const { run } = setup([response]);
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ status: 200, path: '', operation: 'thing' });
    expect((error as Error).message).toMatch(/not JSON/);
  });

  it('validates with the given validator, only on success', async () => {
    const validator = vi.fn(() => ({ path: 'ok', problem: 'expected boolean, received string' }));
    const { run } = setup([json(200, { ok: 'yes' }, { 'x-request-id': 'req_9' })], { validate: validator });
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ path: 'ok', requestId: 'req_9', message: 'thing: response 200 is invalid at ok: expected boolean, received string' });
    expect(validator).toHaveBeenCalledWith('thing', 200, { ok: 'yes' });

    const failing = setup([json(400, { error: 'bad' })], { validate: validator });
    validator.mockClear();
    await expect(failing.run()).rejects.toThrow();
    expect(validator).not.toHaveBeenCalled();
  });

  it('retries with exponential backoff: attempts at 0, 500 and 1500 ms', async () => {
    const { fetch, run } = setup([json(503, { error: 'busy' })]);
    const assertion = expect(run()).rejects.toBeInstanceOf(InternalServerError);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.requests).toHaveLength(3);
    await assertion;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('succeeds on a later attempt', async () => {
    const { fetch, run } = setup([json(500, { error: 'x' }), fetchFailed('ECONNRESET'), json(200, { ok: 1 })]);
    const result = run();
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({ ok: 1 });
    expect(fetch.requests).toHaveLength(3);
  });

  it('waits exactly Retry-After seconds', async () => {
    const { fetch, run } = setup([json(429, { error: 'slow_down' }, { 'retry-after': '3' }), json(200, { ok: 1 })]);
    const result = run();
    await vi.advanceTimersByTimeAsync(2999);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.requests).toHaveLength(2);
    await expect(result).resolves.toEqual({ ok: 1 });
  });

  it('waits until a Retry-After HTTP-date', async () => {
    const at = new Date(NOW + 5000).toUTCString();
    const { fetch, run } = setup([json(503, { error: 'maintenance' }, { 'retry-after': at }), json(200, { ok: 1 })]);
    const result = run();
    await vi.advanceTimersByTimeAsync(4999);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual({ ok: 1 });
    expect(fetch.requests).toHaveLength(2);
  });

  it('fails at once when Retry-After is beyond the cap, keeping the header on the error', async () => {
    const { fetch, run } = setup([json(429, { error: 'slow_down' }, { 'retry-after': '3600' })]);
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers.get('retry-after')).toBe('3600');
    expect(fetch.requests).toHaveLength(1);
  });

  it('honours maxRetries from the context and per call', async () => {
    const noRetries = setup([json(500, {})], { maxRetries: 0 });
    await expect(noRetries.run()).rejects.toBeInstanceOf(InternalServerError);
    expect(noRetries.fetch.requests).toHaveLength(1);

    const five = setup([json(500, {})]);
    const result = five.run('idempotent', { maxRetries: 5 });
    const assertion = expect(result).rejects.toBeInstanceOf(InternalServerError);
    await vi.runAllTimersAsync();
    await assertion;
    expect(five.fetch.requests).toHaveLength(6);
  });

  it('rejects invalid per-call options before any request', async () => {
    const { fetch, run } = setup([json(200, {})]);
    await expect(run('idempotent', { timeoutMs: 0 })).rejects.toBeInstanceOf(RangeError);
    await expect(run('idempotent', { maxRetries: -1 })).rejects.toBeInstanceOf(RangeError);
    expect(fetch.requests).toHaveLength(0);
  });

  it('times each attempt out separately, then throws ApiTimeoutError', async () => {
    const { fetch, run } = setup(['hang']);
    const assertion = expect(run('idempotent', { timeoutMs: 200 })).rejects.toBeInstanceOf(ApiTimeoutError);
    await vi.advanceTimersByTimeAsync(199);
    expect(fetch.requests).toHaveLength(1);
    await vi.runAllTimersAsync();
    await assertion;
    expect(fetch.requests).toHaveLength(3);
  });

  it('names the client method, the URL and every attempt made when it gives up', async () => {
    const { run } = setup(['hang'], { timeoutMs: 200 });
    const result = run('idempotent', {}, { name: 'virtualKeys.revoke' }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = (await result) as ApiTimeoutError;
    expect(error.message).toBe('virtualKeys.revoke: POST https://api.test/things/t1: timed out after 200 ms each (3 attempts)');
    expect(error.attempts).toBe(3);
  });

  it('says why a failure was not retried when the operation forbids it', async () => {
    const { run } = setup([fetchFailed('ECONNRESET')]);
    const error = (await run('unsent-only', {}, { name: 'virtualKeys.rotate' }).catch((e: unknown) => e)) as ApiConnectionError;
    expect(error.message).toBe(
      'virtualKeys.rotate: POST https://api.test/things/t1: connection error: fetch failed (ECONNRESET) (1 attempt; not retried: the request may have reached the server)',
    );
  });

  it('a per-call timeoutMs overrides the client one', async () => {
    const { run } = setup(['hang'], { maxRetries: 0, timeoutMs: 60_000 });
    const result = run('idempotent', { timeoutMs: 10 });
    const assertion = expect(result).rejects.toThrow('thing: POST https://api.test/things/t1: timed out after 10 ms (1 attempt)');
    await vi.advanceTimersByTimeAsync(10);
    await assertion;
  });

  it("an already aborted signal rejects with the caller's reason and sends nothing", async () => {
    const { fetch, run } = setup([json(200, {})]);
    const reason = new Error('not now');
    await expect(run('idempotent', { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(fetch.requests).toHaveLength(0);
  });

  it("an abort during an attempt rejects with the caller's reason, not a wrapped error", async () => {
    const { run } = setup(['hang']);
    const controller = new AbortController();
    const result = run('idempotent', { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(10);
    const reason = { why: 'user navigated away' };
    controller.abort(reason);
    await expect(result).rejects.toBe(reason);
  });

  it('an abort during the backoff stops the retries', async () => {
    const { fetch, run } = setup([json(500, {})]);
    const controller = new AbortController();
    const result = run('idempotent', { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(100);
    controller.abort('cancelled');
    await expect(result).rejects.toBe('cancelled');
    await vi.runAllTimersAsync();
    expect(fetch.requests).toHaveLength(1);
  });

  it('recoverOnRetry applies to retries only', async () => {
    const recoverOnRetry = (error: { status: number }) => (error.status === 409 ? 'recovered' : undefined);
    const first = setup([json(409, { error: 'already' })]);
    await expect(first.run('idempotent', {}, { recoverOnRetry })).rejects.toBeInstanceOf(ConflictError);

    const later = setup([fetchFailed('ECONNRESET'), json(409, { error: 'already' })]);
    const result = later.run('idempotent', {}, { recoverOnRetry });
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe('recovered');
  });

  it('unsent-only retries a refused connection but nothing else', async () => {
    const refused = setup([fetchFailed('ECONNREFUSED'), json(200, { ok: 1 })]);
    const result = refused.run('unsent-only');
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({ ok: 1 });
    expect(refused.fetch.requests).toHaveLength(2);

    const reset = setup([fetchFailed('ECONNRESET'), json(200, { ok: 1 })]);
    await expect(reset.run('unsent-only')).rejects.toBeInstanceOf(ApiConnectionError);
    expect(reset.fetch.requests).toHaveLength(1);
  });

  it('describes a connection error with its cause and code', async () => {
    const { run } = setup([fetchFailed('ENOTFOUND', 'getaddrinfo ENOTFOUND api.test')], { maxRetries: 0 });
    const error = (await run().catch((e: unknown) => e)) as ApiConnectionError;
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).not.toBeInstanceOf(ApiTimeoutError);
    expect(error.message).toBe('thing: POST https://api.test/things/t1: connection error: fetch failed (ENOTFOUND) (1 attempt)');
    expect({ operation: error.operation, method: error.method, url: error.url, attempts: error.attempts }).toEqual({
      operation: 'thing',
      method: 'POST',
      url: 'https://api.test/things/t1',
      attempts: 1,
    });
    expect((error.cause as Error).message).toBe('fetch failed');
    expect(((error.cause as Error).cause as Error & { code: string }).code).toBe('ENOTFOUND');
  });
});
