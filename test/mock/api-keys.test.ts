// DELETE /api/api-keys/{id}: each check, in the order the real service applies them.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, ConflictError, NotFoundError, PermissionDeniedError, createLangWatchClient } from '@revokit/langwatch';
import { createLangWatchMock, onUnhandled } from '@revokit/mock';
import { checkEveryResponse, expectConformingBody } from './support/spec-conformance.js';
import { fetchJson } from './support/fetch-json.js';

const mock = createLangWatchMock({ clock: 'frozen' });
const server = setupServer(...mock.handlers);
checkEveryResponse(server);
beforeAll(() => server.listen(onUnhandled('error')));
afterEach(() => mock.reset());
afterAll(() => server.close());

const admin = (token: string) => createLangWatchClient({ adminApiKey: token, maxRetries: 0 });
const rawDelete = (id: string, authorization?: string) =>
  fetchJson(`https://app.langwatch.ai/api/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE', headers: authorization ? { authorization } : {} });

describe('seeded admin keys', () => {
  it('have the sk-lw-{lookupId}_{secret} token and a 21-character row id', () => {
    const key = mock.seed.apiKey();
    expect(key.token).toMatch(/^sk-lw-[A-Za-z0-9]{16}_[A-Za-z0-9]{48}$/);
    expect(key.id).toMatch(/^[A-Za-z0-9]{21}$/);
    expect(key.token).not.toContain(key.id);
  });
});

const NO_CREDENTIALS = { error: 'Unauthorized', message: 'Authentication required. Use Authorization: Bearer <api-key>.' };
const INVALID_CREDENTIALS = {
  error: 'Unauthorized',
  message: 'Invalid credentials. Organization-level endpoints require an admin API key created in Settings > API Keys. Project API keys cannot be used here.',
};
const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;
const rawDeleteWith = (id: string, headers: Record<string, string>) =>
  fetchJson(`https://app.langwatch.ai/api/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE', headers });

describe('credentials: Basic (password = key) > Bearer > X-Auth-Token, as the real org auth reads them', () => {
  it.each([
    ['Bearer', (token: string) => ({ authorization: `Bearer ${token}` })],
    ['Basic with any user name', (token: string) => ({ authorization: basic('anyone', token) })],
    ['X-Auth-Token', (token: string) => ({ 'x-auth-token': token })],
  ])('accepts the admin key as %s', async (_form, headers) => {
    const caller = mock.seed.apiKey();
    const target = mock.seed.apiKey();
    expect(await rawDeleteWith(target.id, headers(caller.token))).toMatchObject({ status: 200, body: { success: true } });
  });

  it('reads a well-formed Basic before X-Auth-Token, and falls through a malformed Basic or an empty user name to it', async () => {
    const caller = mock.seed.apiKey();
    const [a, b, c] = [mock.seed.apiKey(), mock.seed.apiKey(), mock.seed.apiKey()];
    expect((await rawDeleteWith(a.id, { authorization: basic('u', caller.token), 'x-auth-token': 'sk-lw-wrong' })).status).toBe(200);
    expect((await rawDeleteWith(b.id, { authorization: basic('', caller.token), 'x-auth-token': caller.token })).status).toBe(200);
    expect((await rawDeleteWith(c.id, { authorization: 'Basic %%%', 'x-auth-token': caller.token })).status).toBe(200);
    const d = mock.seed.apiKey();
    expect(await rawDeleteWith(d.id, { authorization: basic('u', 'sk-lw-wrong'), 'x-auth-token': caller.token })).toMatchObject({ status: 401, body: INVALID_CREDENTIALS });
  });
});

describe('check 1: the caller must present a live organization key (401)', () => {
  it('answers "Authentication required" when no credential is sent (a non-Basic, non-Bearer Authorization is none)', async () => {
    const target = mock.seed.apiKey();
    for (const authorization of [undefined, 'Token abc', 'Bearer ']) {
      const reply = await rawDelete(target.id, authorization);
      expect(reply).toMatchObject({ status: 401, body: NO_CREDENTIALS });
      expectConformingBody('revokeApiKey', 401, reply.body);
    }
  });

  it.each([
    ['malformed token', 'Bearer sk-lw-short_abc'],
    ['unknown token', `Bearer sk-lw-${'a'.repeat(16)}_${'b'.repeat(48)}`],
    ['project key', 'project'],
  ])('answers the one "Invalid credentials" message for a %s', async (_case, authorization) => {
    const target = mock.seed.apiKey();
    const reply = await rawDelete(target.id, authorization === 'project' ? `Bearer ${mock.defaultProject.apiKey}` : authorization);
    expect(reply).toMatchObject({ status: 401, body: INVALID_CREDENTIALS });
    expect(reply.body.message).not.toContain(mock.defaultProject.apiKey);
  });

  it('rejects a revoked caller, and a key that revoked itself on its next request', async () => {
    const self = mock.seed.apiKey();
    const other = mock.seed.apiKey();
    expect(await admin(self.token).apiKeys.revoke(self.id)).toEqual({ success: true });
    const error = await admin(self.token).apiKeys.revoke(other.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ body: INVALID_CREDENTIALS });
  });

  it('wins over every later check (an unknown target with a bad token is still 401)', async () => {
    expect((await rawDelete('no-such-key', 'Bearer nonsense')).status).toBe(401);
  });
});

describe('check 2: organization:manage (403)', () => {
  it('is required even for the caller\'s own key, and comes before the 404', async () => {
    const weak = mock.seed.apiKey({ role: 'admin', permissions: ['project:view'] });
    for (const id of [weak.id, 'no-such-key']) {
      const error = await admin(weak.token).apiKeys.revoke(id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PermissionDeniedError);
      expect(error).toMatchObject({ status: 403, body: { error: 'Forbidden', message: 'Insufficient permissions. Required: organization:manage' } });
    }
  });
});

describe('check 3: unknown target (404)', () => {
  it('answers Not Found "API key not found", also for the lookup id given instead of the row id', async () => {
    const caller = mock.seed.apiKey();
    const lookupId = caller.token.slice('sk-lw-'.length, 'sk-lw-'.length + 16);
    for (const id of ['no-such-key', lookupId]) {
      const error = await admin(caller.token).apiKeys.revoke(id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, body: { error: 'Not Found', message: 'API key not found' } });
    }
  });
});

describe('check 4: ownership (403 "Not authorized to modify this API Key")', () => {
  it('lets a member revoke only keys it owns; an admin revokes anyone\'s', async () => {
    const member = mock.seed.apiKey({ role: 'member', ownerUserId: 'user_member' });
    const ownKey = mock.seed.apiKey({ role: 'member', ownerUserId: 'user_member' });
    const someoneElses = mock.seed.apiKey({ role: 'member', ownerUserId: 'user_other' });
    const error = await admin(member.token).apiKeys.revoke(someoneElses.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 403, body: { error: 'Forbidden', message: 'Not authorized to modify this API Key' } });
    expect(await admin(member.token).apiKeys.revoke(ownKey.id)).toEqual({ success: true });
    const boss = mock.seed.apiKey({ role: 'admin' });
    expect(await admin(boss.token).apiKeys.revoke(someoneElses.id)).toEqual({ success: true });
  });

  it('comes before the already-revoked check', async () => {
    const member = mock.seed.apiKey({ role: 'member' });
    const target = mock.seed.apiKey({ role: 'member' });
    await admin(mock.seed.apiKey().token).apiKeys.revoke(target.id);
    await expect(admin(member.token).apiKeys.revoke(target.id)).rejects.toMatchObject({ status: 403, body: { message: 'Not authorized to modify this API Key' } });
  });
});

describe('check 5 and 6: revoke once, then 409', () => {
  it('answers { success: true } then 409 Conflict "API Key is already revoked", and the revoked key stops authenticating', async () => {
    const caller = mock.seed.apiKey();
    const target = mock.seed.apiKey();
    const ok = await admin(caller.token).apiKeys.revoke(target.id);
    expect(ok).toEqual({ success: true });
    expectConformingBody('revokeApiKey', 200, ok);
    const again = await admin(caller.token).apiKeys.revoke(target.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ConflictError);
    expect(again).toMatchObject({ status: 409, body: { error: 'Conflict', message: 'API Key is already revoked' } });
    await expect(admin(target.token).apiKeys.revoke(caller.id)).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe('X-Request-Id', () => {
  it('echoes the caller\'s id, else mints req_ + 30 hex, on every answer of the route (a mock-only addition on the app API)', async () => {
    const caller = mock.seed.apiKey();
    const echoed = await fetch(`https://app.langwatch.ai/api/api-keys/nope`, { method: 'DELETE', headers: { authorization: `Bearer ${caller.token}`, 'x-request-id': 'my id 1' } });
    expect(echoed.headers.get('x-request-id')).toBe('my id 1');
    const minted = await fetch(`https://app.langwatch.ai/api/api-keys/nope`, { method: 'DELETE' });
    expect(minted.status).toBe(401);
    expect(minted.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{30}$/);
  });
});
