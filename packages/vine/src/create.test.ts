// keys.create (issue 18): request, retries (never once the request may have arrived), errors, validation.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserFetchFailed, fetchFailed, json, text, type Reply } from '@revokit/runtime/testing/fake-fetch';
import { ResponseValidationError, UnprocessableEntityError } from './index.js';
import { vineValidators } from './validators.js';
import { BASE_URL, PLAINTEXT, VINE_KEY, createBody } from './testing/fixtures.js';
import { setup } from './testing/setup.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});


describe('keys.create', () => {
  it('POSTs the input as JSON and resolves to { key }, the plaintext included', async () => {
    const { fetch, vine } = setup([json(201, createBody)]);
    const created = await vine.keys.create({ name: 'my-first-key', env: 'test', scopes: ['detect'] });
    expect(created).toEqual(createBody);
    expect(created.key?.plaintext).toBe(PLAINTEXT);
    const [request] = fetch.requests;
    expect(request).toMatchObject({ method: 'POST', url: `${BASE_URL}/api/v1/keys`, body: '{"name":"my-first-key","env":"test","scopes":["detect"]}' });
    expect(request!.headers.get('content-type')).toBe('application/json');
    expect(request!.headers.get('authorization')).toBe(`Bearer ${VINE_KEY}`);
  });

  it('needs no credential (security: []): without apiKey it sends none', async () => {
    const { fetch, vine } = setup([json(201, createBody)], { apiKey: undefined });
    await expect(vine.keys.create({ name: 'k', env: undefined })).resolves.toEqual(createBody);
    expect(fetch.requests[0]!.headers.get('authorization')).toBeNull();
    expect(fetch.requests[0]!.body).toBe('{"name":"k"}');
  });

  it.each([undefined, null, 'k', ['k']])('refuses a body that is not an object (%j) before any request', async (input) => {
    const { fetch, vine } = setup([json(201, createBody)]);
    await expect(vine.keys.create(input as never)).rejects.toThrow(new TypeError('keys.create takes an object as its request body'));
    expect(fetch.requests).toHaveLength(0);
  });

  it('422 in Vine’s envelope: UnprocessableEntityError with its code and message', async () => {
    const body = { error: { code: 'validation_failed', message: 'Unrecognized key: "owner"' } };
    const { vine } = setup([json(422, body)]);
    const error = await vine.keys.create({ name: 'k', owner: 'x' } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ status: 422, code: 'validation_failed', message: 'Unrecognized key: "owner"', body });
  });
});

describe('keys.create retries', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it.each<[string, number, () => Reply]>([
    ['connection refused', 3, () => fetchFailed('ECONNREFUSED')],
    ['DNS failure', 3, () => fetchFailed('ENOTFOUND')],
    ['connection reset', 1, () => fetchFailed('ECONNRESET')],
    ['browser network error', 1, () => browserFetchFailed()],
    ['timeout', 1, () => 'hang'],
    ['429', 1, () => json(429, { error: { code: 'rate_limited' } }, { 'retry-after': '0' })],
    ['500', 1, () => json(500, { error: { code: 'internal' } })],
    ['502', 1, () => text(502, 'Bad Gateway')],
    ['422', 1, () => json(422, { error: { code: 'validation_failed' } })],
  ])('on %s: %i attempt(s)', async (_, attempts, reply) => {
    const { fetch, vine } = setup([reply()], { timeoutMs: 1000 });
    const settled = vine.keys.create({ name: 'k' }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await settled).toBeInstanceOf(Error);
    expect(fetch.requests).toHaveLength(attempts);
  });

  it('a retry after a refused connection sends the same body and resolves to its answer', async () => {
    const { fetch, vine } = setup([fetchFailed('ECONNREFUSED'), json(201, createBody)]);
    const result = vine.keys.create({ name: 'k', env: 'live' });
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual(createBody);
    expect(fetch.requests.map((request) => request.body)).toEqual(['{"name":"k","env":"live"}', '{"name":"k","env":"live"}']);
  });
});

describe('keys.create validation', () => {
  it('passes a good answer, and an empty one (every field of KeyCreated is optional)', async () => {
    const { vine } = setup([json(201, createBody), json(201, {})], { validators: vineValidators });
    await expect(vine.keys.create({ name: 'k' })).resolves.toEqual(createBody);
    await expect(vine.keys.create({ name: 'k' })).resolves.toEqual({});
  });

  it('names the first bad field, without quoting the plaintext', async () => {
    const { vine } = setup([json(201, { key: { ...createBody.key, createdAt: PLAINTEXT } })], { validators: vineValidators });
    const error = (await vine.keys.create({ name: 'k' }).catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toMatchObject({ name: 'ResponseValidationError', operation: 'postApiV1Keys', status: 201, path: 'key.createdAt' });
    expect(error.message).toBe('postApiV1Keys: response 201 is invalid at key.createdAt: expected datetime format');
  });
});
