// Control plane of virtual keys, driven the way a consumer would: MSW + the real SDK client.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLangWatchClient, NotFoundError, AuthenticationError, BadRequestError } from '@revokit/langwatch';
import { createLangWatchMock, onUnhandled } from '@revokit/mock';
import { checkEveryResponse, expectConformingBody } from './support/spec-conformance.js';

const REVOKE = 'postApiGatewayV1Virtual-keysByIdRevoke';
const ROTATE = 'postApiGatewayV1Virtual-keysByIdRotate';

const mock = createLangWatchMock({ clock: 'frozen' });
const server = setupServer(...mock.handlers);
checkEveryResponse(server);
const client = createLangWatchClient({ apiKey: mock.defaultProject.apiKey, maxRetries: 0 });

beforeAll(() => server.listen(onUnhandled('error')));
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
      provider_credential_ids: [mock.defaultProject.providerCredentialId],
      revision: '1',
      last_used_at: null,
      created_at: new Date(mock.clock.now()).toISOString(),
    });
  });

  it('live in projects whose key is sk-lw- + 48 alphanumerics (no underscore) and whose id is project_ + 21', () => {
    const project = mock.seed.project();
    expect(project.apiKey).toMatch(/^sk-lw-[A-Za-z0-9]{48}$/);
    expect(project.id).toMatch(/^project_[A-Za-z0-9]{21}$/);
    expect(mock.seed.virtualKey().virtual_key.environment).toBe('live');
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

  it('answers 404 "Virtual key not found" (error and message) for an unknown id and for another project\'s key', async () => {
    const other = mock.seed.project();
    const { virtual_key } = mock.seed.virtualKey({ projectId: other.id });
    for (const id of ['vk_doesnotexist000000000', virtual_key.id]) {
      const error = await client.virtualKeys.revoke(id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, body: { error: 'Virtual key not found', message: 'Virtual key not found' } });
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

  it('refuses a revoked key with 400 "Cannot rotate a revoked virtual key" (the spec\'s status; the service of May 2026 answered 500)', async () => {
    const { virtual_key } = mock.seed.virtualKey();
    await client.virtualKeys.revoke(virtual_key.id);
    const error = await client.virtualKeys.rotate(virtual_key.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, body: { error: 'Cannot rotate a revoked virtual key', message: 'Cannot rotate a revoked virtual key' } });
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

const NO_CREDENTIALS = {
  error: 'Unauthorized',
  message: 'Authentication required. Use Authorization: Basic base64(projectId:token), Authorization: Bearer <token>, or X-Auth-Token header.',
};
const INVALID_CREDENTIALS = { error: 'Unauthorized', message: 'Invalid credentials' };
const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;

describe('project-key auth on both routes', () => {
  const post = (operationId: string, id: string, headers: Record<string, string>) =>
    fetch(`https://app.langwatch.ai/api/gateway/v1/virtual-keys/${id}/${operationId === REVOKE ? 'revoke' : 'rotate'}`, { method: 'POST', headers });

  it.each([REVOKE, ROTATE])('%s: no credential gets "Authentication required", a wrong one "Invalid credentials", both in the spec envelope', async (operationId) => {
    const { virtual_key } = mock.seed.virtualKey();
    const cases: Array<[Record<string, string>, object]> = [
      [{}, NO_CREDENTIALS],
      [{ 'x-auth-token': '' }, NO_CREDENTIALS],
      [{ authorization: 'Token abc' }, NO_CREDENTIALS],
      [{ 'x-auth-token': 'sk-lw-unknownunknownunknown' }, INVALID_CREDENTIALS],
      [{ 'x-auth-token': '!!!@@@###' }, INVALID_CREDENTIALS],
      [{ authorization: 'Bearer sk-lw-unknown' }, INVALID_CREDENTIALS],
      [{ authorization: basic(mock.defaultProject.id, 'sk-lw-unknown') }, INVALID_CREDENTIALS],
    ];
    for (const [headers, expected] of cases) {
      const response = await post(operationId, virtual_key.id, headers);
      expect(response.status).toBe(401);
      const body = await response.json();
      expect(body).toEqual(expected);
      expectConformingBody(operationId, 401, body);
    }
    const stranger = createLangWatchClient({ apiKey: 'sk-lw-notaprojectkeyofthismock', maxRetries: 0 });
    await expect(stranger.virtualKeys[operationId === REVOKE ? 'revoke' : 'rotate'](virtual_key.id)).rejects.toBeInstanceOf(AuthenticationError);
    // Nothing changed.
    expect((await client.virtualKeys.revoke(virtual_key.id)).virtual_key.revision).toBe('2');
  });

  it.each([
    ['Authorization: Bearer', (key: string) => ({ authorization: `Bearer ${key}` })],
    ['Authorization: bearer (any case), padded', (key: string) => ({ authorization: `bEaReR   ${key}` })],
    ['Basic with the project key as password and any user name', (key: string) => ({ authorization: basic('whoever', key) })],
    ['X-Auth-Token', (key: string) => ({ 'x-auth-token': key })],
  ])('accepts the project key as %s', async (_form, headers) => {
    const { virtual_key } = mock.seed.virtualKey();
    const response = await post(ROTATE, virtual_key.id, headers(mock.defaultProject.apiKey));
    expect(response.status).toBe(200);
  });

  it('reads Basic first, then Bearer, then X-Auth-Token; a malformed Basic or an empty Bearer falls through to X-Auth-Token', async () => {
    const key = mock.defaultProject.apiKey;
    const { virtual_key } = mock.seed.virtualKey();
    const status = async (headers: Record<string, string>) => (await post(ROTATE, virtual_key.id, headers)).status;
    expect(await status({ authorization: basic('u', key), 'x-auth-token': 'sk-lw-wrong' })).toBe(200);
    expect(await status({ authorization: basic('u', 'sk-lw-wrong'), 'x-auth-token': key })).toBe(401);
    expect(await status({ authorization: basic('', key), 'x-auth-token': key })).toBe(200); // empty user: malformed, falls through
    expect(await status({ authorization: basic('u', ''), 'x-auth-token': key })).toBe(200); // empty password: malformed
    expect(await status({ authorization: 'Basic !!!', 'x-auth-token': key })).toBe(200);
    expect(await status({ authorization: `Bearer ${key}`, 'x-auth-token': 'sk-lw-wrong' })).toBe(200);
    expect(await status({ authorization: 'Bearer sk-lw-wrong', 'x-auth-token': key })).toBe(401);
    expect(await status({ authorization: 'Bearer ', 'x-auth-token': key })).toBe(200);
    // fetch trims header values, so a blank Bearer token only reaches the core unfetched.
    const blankBearer = mock.handle({ method: 'POST', url: 'x', path: `/api/gateway/v1/virtual-keys/${virtual_key.id}/rotate`, headers: { authorization: 'Bearer    ', 'x-auth-token': key } });
    expect(blankBearer).toMatchObject({ kind: 'respond', response: { status: 200 } });
  });

  it('decodes Basic as leniently as Node\'s Buffer: URL-safe alphabet, no padding', async () => {
    const { virtual_key } = mock.seed.virtualKey();
    const encoded = btoa(`p:${mock.defaultProject.apiKey}`).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    expect((await post(ROTATE, virtual_key.id, { authorization: `Basic ${encoded}` })).status).toBe(200);
  });
});

describe('X-Request-Id', () => {
  it('is the caller\'s own value when it sends one, else a new req_ + 30 lowercase hex (a mock-only addition on the app API)', async () => {
    const { virtual_key } = mock.seed.virtualKey();
    const url = `https://app.langwatch.ai/api/gateway/v1/virtual-keys/${virtual_key.id}/revoke`;
    const echoed = await fetch(url, { method: 'POST', headers: { 'x-auth-token': mock.defaultProject.apiKey, 'x-request-id': 'trace-42' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-42');
    const [a, b] = await Promise.all([fetch(url, { method: 'POST' }), fetch(url, { method: 'POST' })]);
    expect(a.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{30}$/);
    expect(b.headers.get('x-request-id')).not.toBe(a.headers.get('x-request-id'));
    const error = await client.virtualKeys.revoke('vk_nope').catch((e: unknown) => e);
    expect((error as NotFoundError).requestId).toMatch(/^req_[0-9a-f]{30}$/);
  });
});
