// LangWatch admin API keys through `prism proxy --errors specs/langwatch-api-keys.yaml`:
// DELETE /api/api-keys/{id} with every rule, in the order the real service checks them.
import { describe, expect, it } from 'vitest';
import { AuthenticationError, ConflictError, NotFoundError, PermissionDeniedError } from '@revokit/langwatch';
import { useContract } from './support/harness.js';

const { env, call, control, clients } = useContract();
const revokeUrl = (id: string, base = env.proxy.apiKeys) => `${base}/api/api-keys/${encodeURIComponent(id)}`;
const revokeWith = (authorization: string | undefined, id: string, base?: string) =>
  call(revokeUrl(id, base), { method: 'DELETE', headers: authorization === undefined ? {} : { authorization } });

describe('DELETE /api/api-keys/{id}', () => {
  it('200 { success: true } for an admin revoking any key (SDK and plain fetch)', async () => {
    const admin = await control.apiKey({ role: 'admin' });
    const [a, b] = [await control.apiKey({ role: 'member' }), await control.apiKey({ role: 'member' })];
    expect(await clients.langwatchAdmin(admin.token).apiKeys.revoke(a.id)).toEqual({ success: true });
    const reply = await revokeWith(`Bearer ${admin.token}`, b.id);
    expect(reply).toMatchObject({ status: 200, body: { success: true } });
  });

  it('401: malformed, unknown and revoked tokens, and a project key (whose message asks for an admin API key)', async () => {
    const target = await control.apiKey();
    const revokedCaller = await control.apiKey({ role: 'admin' });
    const admin = await control.apiKey({ role: 'admin' });
    await clients.langwatchAdmin(admin.token).apiKeys.revoke(revokedCaller.id);

    await expect(clients.langwatchAdmin(revokedCaller.token).apiKeys.revoke(target.id)).rejects.toBeInstanceOf(AuthenticationError);
    const unknown = `sk-lw-${'A'.repeat(16)}_${'b'.repeat(48)}`;
    await expect(clients.langwatchAdmin(unknown).apiKeys.revoke(target.id)).rejects.toMatchObject({ status: 401, code: 'Unauthorized' });
    // The SDK refuses these at construction, so they go as plain requests.
    expect((await revokeWith('Bearer not-a-token', target.id)).status).toBe(401);
    const projectKey = await revokeWith(`Bearer ${(await control.project()).api_key}`, target.id);
    expect(projectKey.status).toBe(401);
    expect(projectKey.body.message).toMatch(/require an admin API key/);
    // Without any Authorization, Prism answers 401 itself; the server's own answer is checked directly.
    expect((await revokeWith(undefined, target.id, env.serverUrl)).status).toBe(401);
  });

  it('403 without organization:manage, checked before the target is looked up', async () => {
    const weak = await control.apiKey({ role: 'admin', permissions: ['project:view'] });
    const target = await control.apiKey();
    const client = clients.langwatchAdmin(weak.token);
    await expect(client.apiKeys.revoke(target.id)).rejects.toMatchObject({ status: 403, body: { error: 'Forbidden', message: 'Insufficient permissions. Required: organization:manage' } });
    await expect(client.apiKeys.revoke('no-such-key-000000000')).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it('404 for an unknown target', async () => {
    const admin = await control.apiKey({ role: 'admin' });
    await expect(clients.langwatchAdmin(admin.token).apiKeys.revoke('no-such-key-000000000')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('403 "Not authorized to modify this API Key": a member revoking another user\'s key, even an already revoked one; 200 for its own user\'s key', async () => {
    const member = await control.apiKey({ role: 'member', owner_user_id: 'user_member' });
    const sameOwner = await control.apiKey({ role: 'member', owner_user_id: 'user_member' });
    const othersKey = await control.apiKey({ owner_user_id: 'user_other' });
    const othersRevoked = await control.apiKey({ owner_user_id: 'user_other' });
    const admin = await control.apiKey({ role: 'admin' });
    await clients.langwatchAdmin(admin.token).apiKeys.revoke(othersRevoked.id);

    const client = clients.langwatchAdmin(member.token);
    const notOwned = { status: 403, body: { error: 'Forbidden', message: 'Not authorized to modify this API Key' } };
    await expect(client.apiKeys.revoke(othersKey.id)).rejects.toMatchObject(notOwned);
    await expect(client.apiKeys.revoke(othersRevoked.id)).rejects.toMatchObject(notOwned);
    expect(await client.apiKeys.revoke(sameOwner.id)).toEqual({ success: true });
  });

  it('409 "API Key is already revoked" on a repeat (the SDK recovers it only on its own retry)', async () => {
    const admin = await control.apiKey({ role: 'admin' });
    const target = await control.apiKey();
    const client = clients.langwatchAdmin(admin.token);
    await client.apiKeys.revoke(target.id);
    await expect(client.apiKeys.revoke(target.id)).rejects.toBeInstanceOf(ConflictError);
    const reply = await revokeWith(`Bearer ${admin.token}`, target.id);
    expect(reply).toMatchObject({ status: 409, body: { error: 'Conflict', message: 'API Key is already revoked' } });
  });

  it('a key may revoke itself; its next request gets 401', async () => {
    const self = await control.apiKey({ role: 'member' });
    const other = await control.apiKey({ owner_user_id: self.owner_user_id });
    const client = clients.langwatchAdmin(self.token);
    expect(await client.apiKeys.revoke(self.id)).toEqual({ success: true });
    await expect(client.apiKeys.revoke(other.id)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('the demo admin keys (as printed in the banner) work through the proxy, and again after a reset', async () => {
    const { admin_api_key: admin, member_api_key: member } = env.credentials.demo!;
    await expect(clients.langwatchAdmin(member.token).apiKeys.revoke(admin.id)).rejects.toMatchObject({ status: 403, code: 'Forbidden' });
    expect(await clients.langwatchAdmin(admin.token).apiKeys.revoke(member.id)).toEqual({ success: true });
    await expect(clients.langwatchAdmin(member.token).apiKeys.revoke(member.id)).rejects.toBeInstanceOf(AuthenticationError);
    await control.reset();
    expect(await clients.langwatchAdmin(member.token).apiKeys.revoke(member.id)).toEqual({ success: true });
  });
});
