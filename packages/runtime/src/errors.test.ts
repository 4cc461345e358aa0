import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
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
  RevokitError,
  UnprocessableEntityError,
  apiErrorFor,
} from './errors.js';

const init = (status: number) => ({
  status,
  code: 'some_code',
  message: 'Something failed',
  body: { error: 'some_code' },
  headers: new Headers({ 'x-request-id': 'req_1' }),
  requestId: 'req_1',
});

describe('apiErrorFor', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [599, InternalServerError],
  ])('%i → %o', (status, ErrorClass) => {
    const error = apiErrorFor(init(status));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(RevokitError);
    expect(error.name).toBe(ErrorClass.name);
    expect(error).toMatchObject({ status, code: 'some_code', message: 'Something failed', body: { error: 'some_code' }, requestId: 'req_1' });
  });

  it.each([402, 405, 408, 410, 418, 451, 300, 0])('%i → plain ApiError', (status) => {
    const error = apiErrorFor(init(status));
    expect(error.constructor).toBe(ApiError);
    expect(error.name).toBe('ApiError');
  });

  it('names the class in the stack and in String()', () => {
    const error = apiErrorFor(init(404));
    expect(String(error)).toBe('NotFoundError: Something failed');
    expect(error.stack).toMatch(/^NotFoundError: Something failed\n/);
  });
});

describe('connection errors', () => {
  it('ApiTimeoutError is an ApiConnectionError that says how long it waited', () => {
    const error = new ApiTimeoutError(1500);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toBeInstanceOf(RevokitError);
    expect(error.name).toBe('ApiTimeoutError');
    expect(error.timeoutMs).toBe(1500);
    expect(error.message).toBe('timed out after 1500 ms');
  });

  it('names the call when it has one: client method, HTTP method, URL and attempts', () => {
    const request = { operation: 'keys.revoke', method: 'POST', url: 'https://vine.test/api/v1/keys/k1/revoke', attempts: 3 };
    const error = new ApiConnectionError('connection error: fetch failed (ECONNREFUSED)', { request });
    expect(error.message).toBe('keys.revoke: POST https://vine.test/api/v1/keys/k1/revoke: connection error: fetch failed (ECONNREFUSED) (3 attempts)');
    expect({ operation: error.operation, method: error.method, url: error.url, attempts: error.attempts }).toEqual(request);
  });
});

describe('ResponseValidationError', () => {
  const error = new ResponseValidationError({
    operation: 'rotate',
    status: 200,
    path: 'virtual_key.status',
    problem: 'expected one of "active" | "revoked"',
    body: { secret: 'lw_vk_live_MintedSecret' },
    headers: new Headers(),
    requestId: undefined,
  });

  it('names the operation, status, path and problem', () => {
    expect(error.message).toBe('rotate: response 200 is invalid at virtual_key.status: expected one of "active" | "revoked"');
    expect(error).toMatchObject({ operation: 'rotate', status: 200, path: 'virtual_key.status' });
  });

  it('keeps the body readable but out of JSON and inspect output (it may hold a minted secret)', () => {
    expect(error.body).toEqual({ secret: 'lw_vk_live_MintedSecret' });
    expect(JSON.stringify(error)).not.toContain('MintedSecret');
    expect(inspect(error, { showHidden: true, depth: 10 })).not.toContain('MintedSecret');
  });
});
