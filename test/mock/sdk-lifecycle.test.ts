// Issue 18, end to end: the SDK's lifecycle methods against the mock, through the MSW adapter and
// through the server. A key is created, listed, read, updated, rotated and revoked, its secrets
// tried at the gateway; the mock's error bodies read as docs/sdk.md says; a create whose answer is
// lost is not sent twice. Validators are on, so every answer is also checked against the specs.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  UnprocessableEntityError,
  createLangWatchClient,
  type LangWatchClient,
} from '@revokit/langwatch';
import { langwatchValidators } from '@revokit/langwatch/validators';
import { createVineClient, type VineClient } from '@revokit/vine';
import { vineValidators } from '@revokit/vine/validators';
import { createLangWatchMock, createVineMock, onUnhandled } from '@revokit/mock';
import { expectNoSecrets } from '@revokit/runtime/testing/leak-scan';
import { checkEveryResponse } from './support/spec-conformance.js';
import { useServer } from '../server/support/server.js';

interface Target {
  lw: LangWatchClient;
  /** A client holding only this admin key. */
  adminClient(token: string): LangWatchClient;
  vine: VineClient;
  providerCredentialId: string;
  /** Status of GET /v1/models on the gateway with this virtual-key secret. */
  gateway(secret: string): Promise<number>;
  /** Status of Vine's POST /api/v1/detect with this key. */
  detect(plaintext: string): Promise<number>;
  /** Queues a fault for the next request to an operation. */
  fault(operationId: string, fault: { status?: number; dropResponse?: boolean; retryAfter?: string }): Promise<void>;
  /** Moves the mock's clock. */
  advance(ms: number): Promise<void>;
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

function lifecycleSuite(target: () => Target): void {
  it('create, list, get, update, rotate, revoke; the secrets at the gateway', async () => {
    const { lw, providerCredentialId, gateway, advance } = target();
    const { virtual_key: created, secret } = await lw.virtualKeys.create({ name: 'customer-42', description: undefined, provider_credential_ids: [providerCredentialId] });
    expect(secret).toMatch(/^lw_vk_live_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(created).toMatchObject({ name: 'customer-42', environment: 'live', status: 'active', revision: '1', display_prefix: secret.slice(0, 18), description: null });
    expect(await gateway(secret)).toBe(200); // at once: nothing to propagate

    const { data } = await lw.virtualKeys.list();
    const used = { ...created, last_used_at: expect.any(String) }; // the gateway call above
    expect(data[0]).toEqual(used); // newest first
    expect((await lw.virtualKeys.get(created.id)).virtual_key).toEqual(used);

    const { virtual_key: updated } = await lw.virtualKeys.update(created.id, { name: 'customer-42 (EU)', description: 'EU traffic', config: { cache: { mode: 'force' } } });
    expect(updated).toMatchObject({ id: created.id, name: 'customer-42 (EU)', description: 'EU traffic', revision: '2', display_prefix: created.display_prefix });

    const { virtual_key: rotated, secret: next } = await lw.virtualKeys.rotate(created.id);
    expect(rotated.revision).toBe('3');
    expect(next).not.toBe(secret);
    expect([await gateway(next), await gateway(secret)]).toEqual([200, 200]); // the old one for the grace window

    const { virtual_key: revoked } = await lw.virtualKeys.revoke(created.id);
    expect(revoked).toMatchObject({ status: 'revoked', revision: '4' });
    expect((await lw.virtualKeys.get(created.id)).virtual_key.status).toBe('revoked');
    expect((await lw.virtualKeys.list()).data.find((key) => key.id === created.id)?.status).toBe('revoked'); // revoked keys stay listed
    await advance(60_000);
    expect(await gateway(next)).toBe(401);
  });

  it("the mock's error answers read as the SDK documents them", async () => {
    const { lw, providerCredentialId } = target();
    const errors: unknown[] = [];
    const failure = (call: Promise<unknown>) =>
      call.then(
        () => expect.unreachable('the call should fail'),
        (error: unknown) => (errors.push(error), error),
      );

    const invalid = await failure(lw.virtualKeys.create({ name: '', provider_credential_ids: [] }));
    expect(invalid).toBeInstanceOf(BadRequestError);
    expect(invalid).toMatchObject({
      code: 'validation_error',
      message: 'name: String must contain at least 1 character(s); provider_credential_ids: Array must contain at least 1 element(s)',
    });

    const { virtual_key: key, secret } = await lw.virtualKeys.create({ name: 'taken', provider_credential_ids: [providerCredentialId] });
    await lw.virtualKeys.revoke(key.id);
    const conflict = await failure(lw.virtualKeys.create({ name: 'taken', provider_credential_ids: [providerCredentialId] }));
    expect(conflict).toBeInstanceOf(ConflictError); // a revoked key still holds its name
    expect(conflict).toMatchObject({ status: 409, code: 'Conflict' });

    const missing = await failure(lw.virtualKeys.get('vk_missing'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ code: 'virtual_key_not_found', message: 'virtual key not found' });
    expect(await failure(lw.virtualKeys.update('vk_missing', { name: 'x' }))).toMatchObject({ name: 'NotFoundError', message: 'Virtual key not found' });
    expect(await failure(lw.virtualKeys.update(key.id, { name: 'again' }))).toMatchObject({ name: 'BadRequestError', message: 'Cannot update a revoked virtual key' });

    const personal = await failure(lw.apiKeys.create({ name: 'no bindings' }));
    expect(personal).toBeInstanceOf(UnprocessableEntityError);
    expect(personal).toMatchObject({ code: 'Unprocessable Entity', message: 'bindings: bindings are required for personal keys' });

    for (const error of errors) expectNoSecrets(error, [secret]);
  });

  it('API keys: a created service key authenticates at once, lists itself, and is revoked', async () => {
    const { lw, adminClient } = target();
    const { token, apiKey } = await lw.apiKeys.create({ name: 'deploy bot', keyType: 'service', description: undefined });
    expect(token).toMatch(/^sk-lw-[A-Za-z0-9]{16}_[A-Za-z0-9]{48}$/);
    const own = adminClient(token);
    const { data } = await own.apiKeys.list(); // a service key sees every key
    expect(data.find((item) => item.id === apiKey.id)).toMatchObject({ name: 'deploy bot', revokedAt: null, roleBindings: [{ role: 'ADMIN', scopeType: 'ORGANIZATION' }] });
    expect(await lw.apiKeys.revoke(apiKey.id)).toEqual({ success: true });
    expect((await lw.apiKeys.list()).data.map((item) => item.id)).not.toContain(apiKey.id);
    await expect(own.apiKeys.list()).rejects.toMatchObject({ name: 'AuthenticationError' });
  });

  it("Vine: a created key's plaintext works on detect at once, until it is revoked", async () => {
    const { vine, detect } = target();
    const { key } = await vine.keys.create({ name: 'svc', scopes: undefined });
    expect(key).toMatchObject({ name: 'svc', scopes: ['detect', 'extract', 'extractions:read'], plaintext: expect.stringMatching(/^vine_test_/) });
    expect(await detect(key!.plaintext!)).toBe(200);
    await vine.keys.revoke(key!.id!);
    expect(await detect(key!.plaintext!)).toBe(401);
    await expect(vine.keys.create({ name: 'x', owner: 'me' } as never)).rejects.toMatchObject({ name: 'UnprocessableEntityError', status: 422 });
  });

  it('a create whose response is lost is not sent again; a list after a 503 is', async () => {
    const { lw, providerCredentialId, fault } = target();
    await fault('postApiGatewayV1Virtual-keys', { dropResponse: true });
    await expect(lw.virtualKeys.create({ name: 'lost answer', provider_credential_ids: [providerCredentialId] })).rejects.toMatchObject({ name: 'ApiConnectionError' });
    await fault('getApiGatewayV1Virtual-keys', { status: 503, retryAfter: '0' });
    const { data } = await lw.virtualKeys.list();
    expect(data.filter((key) => key.name === 'lost answer')).toHaveLength(1); // created once, its secret lost
    await fault('createApiKey', { dropResponse: true });
    await expect(lw.apiKeys.create({ name: 'lost token', keyType: 'service' })).rejects.toMatchObject({ name: 'ApiConnectionError' });
    expect((await lw.apiKeys.list()).data.filter((key) => key.name === 'lost token')).toHaveLength(1);
  });
}

describe('through MSW (createLangWatchMock, createVineMock)', () => {
  const langwatch = createLangWatchMock({ clock: 'frozen' });
  const vineMock = createVineMock({ clock: 'frozen' });
  const msw = setupServer(...langwatch.handlers, ...vineMock.handlers);
  checkEveryResponse(msw);
  beforeAll(() => msw.listen(onUnhandled('error')));
  afterEach(() => {
    langwatch.reset();
    vineMock.reset();
  });
  afterAll(() => msw.close());

  const status = async (url: string, init: RequestInit) => (await fetch(url, init)).status;
  lifecycleSuite(() => {
    const admin = langwatch.seed.apiKey();
    return {
      lw: createLangWatchClient({ apiKey: langwatch.defaultProject.apiKey, adminApiKey: admin.token, validators: langwatchValidators }),
      adminClient: (token) => createLangWatchClient({ adminApiKey: token, validators: langwatchValidators }),
      vine: createVineClient({ validators: vineValidators }),
      providerCredentialId: langwatch.defaultProject.providerCredentialId,
      gateway: (secret) => status('https://gateway.langwatch.ai/v1/models', { headers: bearer(secret) }),
      detect: (plaintext) =>
        status('https://vine.getcourtyard.ai/api/v1/detect', { method: 'POST', headers: { ...bearer(plaintext), 'content-type': 'application/json' }, body: '{"url":"https://a.example/"}' }),
      fault: async (operationId, { retryAfter, ...fault }) =>
        langwatch.faults.next(operationId as never, { ...fault, ...(retryAfter === undefined ? {} : { headers: { 'retry-after': retryAfter } }) }),
      advance: async (ms) => void langwatch.clock.advance(ms),
    };
  });
});

describe('through the server (revokit-mock)', () => {
  const api = useServer({ clock: 'frozen' });
  afterEach(() => api.server.reset());

  const status = async (path: string, init: RequestInit) => (await fetch(`${api.url}${path}`, init)).status;
  lifecycleSuite(() => {
    const { project, demo } = api.server.credentials;
    const options = { baseUrl: api.url, validators: langwatchValidators };
    return {
      lw: createLangWatchClient({ ...options, apiKey: project.apiKey, adminApiKey: demo!.admin_api_key.token }),
      adminClient: (token) => createLangWatchClient({ ...options, adminApiKey: token }),
      vine: createVineClient({ baseUrl: api.url, validators: vineValidators }),
      providerCredentialId: project.providerCredentialId,
      gateway: (secret) => status('/v1/models', { headers: bearer(secret) }),
      detect: (plaintext) => status('/api/v1/detect', { method: 'POST', headers: { ...bearer(plaintext), 'content-type': 'application/json' }, body: '{"url":"https://a.example/"}' }),
      fault: async (operationId, { status: faultStatus, dropResponse, retryAfter }) => {
        const reply = await api.post('/__mock/faults', {
          operation_id: operationId,
          ...(faultStatus === undefined ? {} : { status: faultStatus }),
          ...(dropResponse ? { drop_response: true } : {}),
          ...(retryAfter === undefined ? {} : { headers: { 'retry-after': retryAfter } }),
        });
        expect(reply.status).toBeLessThan(300);
      },
      advance: async (ms) => {
        const reply = await api.post('/__mock/clock', { advance_ms: ms });
        expect(reply.status).toBeLessThan(300);
      },
    };
  });
});
