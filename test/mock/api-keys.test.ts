// DELETE /api/api-keys/{id}: each check, in the order the real service applies them.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, ConflictError, NotFoundError, PermissionDeniedError, createLangWatchClient } from '@revokit/langwatch';
import { createLangWatchMock } from '@revokit/mock';
import { checkEveryResponse, expectConformingBody } from './support/spec-conformance.js';
import { fetchJson } from './support/fetch-json.js';

const mock = createLangWatchMock({ clock: 'frozen' });
const server = setupServer(...mock.handlers);
checkEveryResponse(server);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
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

describe('check 1: the caller must present a live organization key (401)', () => {
  it.each([
    ['no header', undefined],
    ['not a bearer', 'Token abc'],
    ['malformed token', 'Bearer sk-lw-short_abc'],
    ['unknown token', `Bearer sk-lw-${'a'.repeat(16)}_${'b'.repeat(48)}`],
  ])('%s', async (_case, authorization) => {
    const target = mock.seed.apiKey();
    const reply = await rawDelete(target.id, authorization);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ error: 'unauthorized', message: expect.any(String) });
    expectConformingBody('revokeApiKey', 401, reply.body);
  });

  it('says an organization key is needed when a project key is sent', async () => {
    const target = mock.seed.apiKey();
    const reply = await rawDelete(target.id, `Bearer ${mock.defaultProject.apiKey}`);
    expect(reply.status).toBe(401);
    expect(reply.body.message).toMatch(/organization API key/);
    expect(reply.body.message).not.toContain(mock.defaultProject.apiKey);
  });

  it('rejects a revoked caller, and a key that revoked itself on its next request', async () => {
    const self = mock.seed.apiKey();
    const other = mock.seed.apiKey();
    expect(await admin(self.token).apiKeys.revoke(self.id)).toEqual({ success: true });
    const error = await admin(self.token).apiKeys.revoke(other.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
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
      expect(error).toMatchObject({ status: 403, code: 'forbidden' });
    }
  });
});

describe('check 3: unknown target (404)', () => {
  it('answers api_key_not_found, also for the lookup id given instead of the row id', async () => {
    const caller = mock.seed.apiKey();
    const lookupId = caller.token.slice('sk-lw-'.length, 'sk-lw-'.length + 16);
    for (const id of ['no-such-key', lookupId]) {
      const error = await admin(caller.token).apiKeys.revoke(id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, code: 'api_key_not_found' });
    }
  });
});

describe('check 4: ownership (403 api_key_not_owned)', () => {
  it('lets a member revoke only keys it owns; an admin revokes anyone\'s', async () => {
    const member = mock.seed.apiKey({ role: 'member', ownerUserId: 'user_member' });
    const ownKey = mock.seed.apiKey({ role: 'member', ownerUserId: 'user_member' });
    const someoneElses = mock.seed.apiKey({ role: 'member', ownerUserId: 'user_other' });
    const error = await admin(member.token).apiKeys.revoke(someoneElses.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 403, code: 'api_key_not_owned' });
    expect(await admin(member.token).apiKeys.revoke(ownKey.id)).toEqual({ success: true });
    const boss = mock.seed.apiKey({ role: 'admin' });
    expect(await admin(boss.token).apiKeys.revoke(someoneElses.id)).toEqual({ success: true });
  });

  it('comes before the already-revoked check', async () => {
    const member = mock.seed.apiKey({ role: 'member' });
    const target = mock.seed.apiKey({ role: 'member' });
    await admin(mock.seed.apiKey().token).apiKeys.revoke(target.id);
    await expect(admin(member.token).apiKeys.revoke(target.id)).rejects.toMatchObject({ status: 403, code: 'api_key_not_owned' });
  });
});

describe('check 5 and 6: revoke once, then 409', () => {
  it('answers { success: true } then 409 api_key_already_revoked, and the revoked key stops authenticating', async () => {
    const caller = mock.seed.apiKey();
    const target = mock.seed.apiKey();
    const ok = await admin(caller.token).apiKeys.revoke(target.id);
    expect(ok).toEqual({ success: true });
    expectConformingBody('revokeApiKey', 200, ok);
    const again = await admin(caller.token).apiKeys.revoke(target.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ConflictError);
    expect(again).toMatchObject({ status: 409, code: 'api_key_already_revoked' });
    await expect(admin(target.token).apiKeys.revoke(caller.id)).rejects.toBeInstanceOf(AuthenticationError);
  });
});
