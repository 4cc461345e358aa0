// Control plane of virtual keys, driven the way a consumer would: MSW + the real SDK client.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLangWatchClient, NotFoundError, AuthenticationError, BadRequestError } from '@revokit/langwatch';
import { createLangWatchMock } from '@revokit/mock';
import { checkEveryResponse, expectConformingBody } from './support/spec-conformance.js';

const REVOKE = 'postApiGatewayV1Virtual-keysByIdRevoke';
const ROTATE = 'postApiGatewayV1Virtual-keysByIdRotate';

const mock = createLangWatchMock({ clock: 'frozen' });
const server = setupServer(...mock.handlers);
checkEveryResponse(server);
const client = createLangWatchClient({ apiKey: mock.defaultProject.apiKey, maxRetries: 0 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

describe('seeded virtual keys', () => {
  it('have the real formats and initial values', () => {
    const { virtual_key, secret } = mock.seed.virtualKey({ name: 'ci', environment: 'test' });
    expect(virtual_key.id).toMatch(/^vk_[A-Za-z0-9_-]{22}$/);
    expect(secret).toMatch(/^lw_vk_test_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(virtual_key.display_prefix).toBe(secret.slice(0, 18));
    expect(virtual_key).toMatchObject({
      name: 'ci',
      description: null,
      environment: 'test',
      status: 'active',
      principal_user_id: null,
      provider_credential_ids: [],
      revision: '1',
      last_used_at: null,
      created_at: new Date(mock.clock.now()).toISOString(),
    });
  });

  it('reject options of the wrong type without storing anything', () => {
    expect(() => mock.seed.virtualKey({ environment: 'prod' as never })).toThrow(TypeError);
    expect(() => mock.seed.virtualKey({ projectId: 'nope' })).toThrow(/no project/);
    expect(() => mock.seed.virtualKey({ providerCredentialIds: [1] as never })).toThrow(TypeError);
  });
});

describe('revoke', () => {
  it('marks an active key revoked and bumps the revision once', async () => {
    const { virtual_key } = mock.seed.virtualKey();
    const first = await client.virtualKeys.revoke(virtual_key.id);
    expectConformingBody(REVOKE, 200, first);
    expect(first.virtual_key).toMatchObject({ id: virtual_key.id, status: 'revoked', revision: '2' });

    mock.clock.advance(5_000);
    const again = await client.virtualKeys.revoke(virtual_key.id);
    expect(again).toEqual(first);
  });

  it('answers 404 virtual_key_not_found for an unknown id and for another project\'s key', async () => {
    const other = mock.seed.project();
    const { virtual_key } = mock.seed.virtualKey({ projectId: other.id });
    for (const id of ['vk_doesnotexist000000000', virtual_key.id]) {
      const error = await client.virtualKeys.revoke(id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, code: 'virtual_key_not_found', body: { error: 'virtual_key_not_found', message: 'Virtual key not found' } });
    }
    // The other project's owner can still revoke it.
    const owner = createLangWatchClient({ apiKey: other.apiKey, maxRetries: 0 });
    expect((await owner.virtualKeys.revoke(virtual_key.id)).virtual_key.status).toBe('revoked');
  });
});

describe('rotate', () => {
  it('mints a new secret and display prefix each time, revision +1', async () => {
    const { virtual_key, secret } = mock.seed.virtualKey();
    const first = await client.virtualKeys.rotate(virtual_key.id);
    expectConformingBody(ROTATE, 200, first);
    expect(first.secret).not.toBe(secret);
    expect(first.secret).toMatch(/^lw_vk_live_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(first.virtual_key.display_prefix).toBe(first.secret.slice(0, 18));
    expect(first.virtual_key.revision).toBe('2');
    const second = await client.virtualKeys.rotate(virtual_key.id);
    expect(second.secret).not.toBe(first.secret);
    expect(second.virtual_key.revision).toBe('3');
  });

  it('refuses a revoked key with 400 bad_request', async () => {
    const { virtual_key } = mock.seed.virtualKey();
    await client.virtualKeys.revoke(virtual_key.id);
    const error = await client.virtualKeys.rotate(virtual_key.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, body: { error: 'bad_request', message: 'Cannot rotate a revoked virtual key' } });
    expectConformingBody(ROTATE, 400, (error as BadRequestError).body);
  });

  it('keeps the replaced secret valid while now < rotatedAt + graceMs, exactly', async () => {
    const { virtual_key, secret: original } = mock.seed.virtualKey();
    const { secret: current } = await client.virtualKeys.rotate(virtual_key.id);
    mock.clock.advance(86_400_000 - 1);
    expect(mock.gateway.authenticate(original)).toEqual({ ok: true, virtualKeyId: virtual_key.id });
    mock.clock.advance(1);
    expect(mock.gateway.authenticate(original)).toEqual({ ok: false, reason: 'grace_expired' });
    expect(mock.gateway.authenticate(current)).toEqual({ ok: true, virtualKeyId: virtual_key.id });
  });

  it('keeps only one previous secret: a second rotation retires the original at once, with a fresh window', async () => {
    const { virtual_key, secret: original } = mock.seed.virtualKey();
    const { secret: firstRotation } = await client.virtualKeys.rotate(virtual_key.id);
    mock.clock.advance(1_000);
    await client.virtualKeys.rotate(virtual_key.id);
    expect(mock.gateway.authenticate(original)).toEqual({ ok: false, reason: 'unknown' });
    // The first rotation's secret gets a full window from the second rotation.
    mock.clock.advance(86_400_000 - 1);
    expect(mock.gateway.authenticate(firstRotation).ok).toBe(true);
    mock.clock.advance(1);
    expect(mock.gateway.authenticate(firstRotation)).toEqual({ ok: false, reason: 'grace_expired' });
  });
});

describe('project-key auth on both routes', () => {
  it.each([REVOKE, ROTATE])('%s: a missing or unknown X-Auth-Token gets 401 in the spec envelope', async (operationId) => {
    const { virtual_key } = mock.seed.virtualKey();
    const action = operationId === REVOKE ? 'revoke' : 'rotate';
    const url = `https://app.langwatch.ai/api/gateway/v1/virtual-keys/${virtual_key.id}/${action}`;
    for (const headers of [{}, { 'x-auth-token': 'sk-lw-unknownunknownunknown' }, { 'x-auth-token': '!!!@@@###' }, { 'x-auth-token': '' }] as Record<string, string>[]) {
      const response = await fetch(url, { method: 'POST', headers });
      expect(response.status).toBe(401);
      const body = await response.json();
      expect(body.error).toBe('unauthorized');
      expectConformingBody(operationId, 401, body);
    }
    const stranger = createLangWatchClient({ apiKey: 'sk-lw-notaprojectkeyofthismock', maxRetries: 0 });
    await expect(stranger.virtualKeys[action](virtual_key.id)).rejects.toBeInstanceOf(AuthenticationError);
    // Nothing changed.
    expect((await client.virtualKeys.revoke(virtual_key.id)).virtual_key.revision).toBe('2');
  });
});
