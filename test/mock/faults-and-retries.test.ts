// The SDK's retry policy, driven through injected faults: revokes are retried on transient
// failures, rotate never once the request may have reached the server.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiConnectionError, ApiTimeoutError, InternalServerError, RateLimitError, UnprocessableEntityError, createLangWatchClient } from '@revokit/langwatch';
import { createVineClient } from '@revokit/vine';
import { createLangWatchMock, createVineMock, onUnhandled } from '@revokit/mock';
import { withFakeTimers } from './support/drive-timers.js';
import { checkEveryResponse, expectConformingBody } from './support/spec-conformance.js';

const REVOKE = 'postApiGatewayV1Virtual-keysByIdRevoke';
const ROTATE = 'postApiGatewayV1Virtual-keysByIdRotate';
const NOW = { 'retry-after': '0' };

const lw = createLangWatchMock({ clock: 'frozen' });
const vineMock = createVineMock({ clock: 'frozen' });
const server = setupServer(...lw.handlers, ...vineMock.handlers);
checkEveryResponse(server);
const client = createLangWatchClient({ apiKey: lw.defaultProject.apiKey, maxRetries: 2 });
beforeAll(() => server.listen(onUnhandled('error')));
afterEach(() => {
  lw.reset();
  vineMock.reset();
});
afterAll(() => server.close());

const statuses = (operationId: string) => lw.requests.filter((entry) => entry.operationId === operationId).map((entry) => entry.status);
const revisionOf = (id: string) => lw.snapshot().virtualKeys.get(id)!.revision;

describe('virtual-key revoke is retried', () => {
  it('on 5xx, honouring Retry-After, until it succeeds', async () => {
    const { virtual_key } = lw.seed.virtualKey();
    lw.faults.next(REVOKE, { status: 503, headers: NOW, times: 2 });
    const result = await client.virtualKeys.revoke(virtual_key.id);
    expect(result.virtual_key.status).toBe('revoked');
    expect(statuses(REVOKE)).toEqual([503, 503, 200]);
  });

  it('at most maxRetries times, then throws the last error with a conforming body', async () => {
    const { virtual_key } = lw.seed.virtualKey();
    lw.faults.next(REVOKE, { status: 500, headers: NOW, times: 3 });
    const error = await client.virtualKeys.revoke(virtual_key.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expectConformingBody(REVOKE, 500, (error as InternalServerError).body);
    expect(statuses(REVOKE)).toEqual([500, 500, 500]);
    expect(revisionOf(virtual_key.id)).toBe(1); // a fault status never runs the behaviour
  });

  it('after a dropped connection (fake timers drive the backoff)', async () => {
    const { virtual_key } = lw.seed.virtualKey();
    lw.faults.next(REVOKE, { networkError: true });
    const result = await withFakeTimers(() => client.virtualKeys.revoke(virtual_key.id));
    expect(result.virtual_key.status).toBe('revoked');
    expect(statuses(REVOKE)).toEqual([0, 200]);
  });

  it('not on 4xx other than 408 and 429', async () => {
    const { virtual_key } = lw.seed.virtualKey();
    lw.faults.next(REVOKE, { status: 422, headers: NOW });
    const error = await client.virtualKeys.revoke(virtual_key.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expectConformingBody(REVOKE, 422, (error as UnprocessableEntityError).body);
    expect(statuses(REVOKE)).toEqual([422]);
  });
});

describe('rotate is never retried once the request may have reached the server', () => {
  it.each([
    ['a 500', { status: 500, headers: NOW }, InternalServerError],
    ['a 429', { status: 429, headers: NOW }, RateLimitError],
    ['a dropped connection', { networkError: true }, ApiConnectionError],
  ])('%s fails the call after one attempt', async (_case, fault, errorClass) => {
    const { virtual_key } = lw.seed.virtualKey();
    lw.faults.next(ROTATE, fault);
    const error = await withFakeTimers(() => client.virtualKeys.rotate(virtual_key.id).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(errorClass);
    expect(statuses(ROTATE)).toHaveLength(1);
  });

  it('a lost response leaves the key rotated once, not twice', async () => {
    const { virtual_key, secret } = lw.seed.virtualKey();
    lw.faults.next(ROTATE, { dropResponse: true });
    const error = await withFakeTimers(() => client.virtualKeys.rotate(virtual_key.id).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(revisionOf(virtual_key.id)).toBe(2);
    expect(lw.gateway.authenticate(secret).ok).toBe(true); // the original is in its grace window
  });

  it('a timeout fails the call after one attempt', async () => {
    const { virtual_key } = lw.seed.virtualKey();
    lw.faults.next(ROTATE, { delayMs: 5_000 });
    const slow = createLangWatchClient({ apiKey: lw.defaultProject.apiKey, timeoutMs: 1_000 });
    const error = await withFakeTimers(() => slow.virtualKeys.rotate(virtual_key.id).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(statuses(ROTATE)).toHaveLength(1);
  });
});

describe('admin revoke after a lost response', () => {
  it('resolves { success: true } when the retry meets 409 already-revoked', async () => {
    const caller = lw.seed.apiKey();
    const target = lw.seed.apiKey();
    lw.faults.next('revokeApiKey', { dropResponse: true });
    const admin = createLangWatchClient({ adminApiKey: caller.token });
    const result = await withFakeTimers(() => admin.apiKeys.revoke(target.id));
    expect(result).toEqual({ success: true });
    expect(statuses('revokeApiKey')).toEqual([0, 409]);
  });

  it('still reports a 409 met on the first attempt', async () => {
    const caller = lw.seed.apiKey();
    const target = lw.seed.apiKey();
    const admin = createLangWatchClient({ adminApiKey: caller.token });
    await admin.apiKeys.revoke(target.id);
    await expect(admin.apiKeys.revoke(target.id)).rejects.toMatchObject({ status: 409, body: { error: 'Conflict', message: 'API Key is already revoked' } });
  });
});

describe('vine revoke', () => {
  it('is retried on 429 and converges on one revocation', async () => {
    const key = vineMock.seed.key();
    vineMock.faults.next('postApiV1KeysByIdRevoke', { status: 429, headers: NOW });
    const vine = createVineClient();
    const result = await vine.keys.revoke(key.id);
    expect(result.key?.id).toBe(key.id);
    expect(vineMock.requests.map((entry) => entry.status)).toEqual([429, 200]);
  });
});

describe('injected fault bodies', () => {
  it.each([
    [400, 'Bad request'],
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [404, 'Not Found'],
    [409, 'Conflict'],
    [422, 'Unprocessable entity'],
    [429, 'Too Many Requests'],
    [500, 'Internal server error'],
    [503, 'Service Unavailable'],
  ])('on the LangWatch app API, %i carries the error string the real service writes for it: %s', async (status, error) => {
    const { virtual_key } = lw.seed.virtualKey();
    for (const operationId of [REVOKE, 'revokeApiKey'] as const) {
      lw.faults.next(operationId, { status });
      const url = operationId === REVOKE ? `https://app.langwatch.ai/api/gateway/v1/virtual-keys/${virtual_key.id}/revoke` : 'https://app.langwatch.ai/api/api-keys/x';
      const response = await fetch(url, { method: operationId === REVOKE ? 'POST' : 'DELETE' });
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error, message: `Injected fault: HTTP ${status}` });
    }
  });

  it.each([
    [404, 'not_found'],
    [422, 'validation_failed'],
    [429, 'rate_limited'],
    [503, 'internal_error'],
  ])('on Vine, %i carries the code %s', async (status, code) => {
    vineMock.faults.next('postApiV1KeysByIdRevoke', { status });
    const response = await fetch('https://vine.getcourtyard.ai/api/v1/keys/x/revoke', { method: 'POST' });
    expect(await response.json()).toEqual({ error: { code, message: `Injected fault: HTTP ${status}` } });
  });
});
