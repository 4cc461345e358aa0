// Vine through `prism proxy --errors specs/vine.yaml`: revoke's 200 and 404, idempotency.
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '@revokit/vine';
import { useContract } from './support/harness.js';

const { env, call, control, clients } = useContract();
const revokeUrl = (id: string) => `${env.proxy.vine}/api/v1/keys/${encodeURIComponent(id)}/revoke`;

describe('POST /api/v1/keys/{id}/revoke', () => {
  it('200: the key with revokedAt, without its plaintext (SDK and plain fetch)', async () => {
    const { key } = await control.vineKey({ name: 'ci', env: 'test' });
    const frozenAt = await control.freeze();
    const revoked = await clients.vine().keys.revoke(key.id);
    expect(revoked).toEqual({ key: { id: key.id, name: 'ci', keyPrefix: key.keyPrefix, revokedAt: new Date(frozenAt).toISOString() } });

    const { key: other } = await control.vineKey();
    const reply = await call(revokeUrl(other.id), { method: 'POST' });
    expect(reply.status).toBe(200);
    expect(reply.body.key).toMatchObject({ id: other.id, keyPrefix: other.plaintext.slice(0, 12) });
    expect(JSON.stringify(reply.body)).not.toContain(other.plaintext);
  });

  it('revoking again returns the same object, revokedAt unchanged', async () => {
    const { key } = await control.vineKey();
    const first = await clients.vine().keys.revoke(key.id);
    await control.clock({ advance_ms: 3_600_000 });
    expect(await clients.vine().keys.revoke(key.id)).toEqual(first);
  });

  it('404 in the Vine envelope for an unknown id', async () => {
    await expect(clients.vine().keys.revoke('key_unknown')).rejects.toBeInstanceOf(NotFoundError);
    const reply = await call(revokeUrl('key_unknown'), { method: 'POST' });
    expect(reply).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: expect.any(String) } } });
  });

  it('the demo key (as printed in the banner) is revocable again after a reset', async () => {
    const { id } = env.credentials.demo!.vine_key;
    const first = await clients.vine().keys.revoke(id);
    await control.reset();
    await control.clock({ advance_ms: 1_000 });
    const again = await clients.vine().keys.revoke(id);
    expect(again.key?.revokedAt).not.toBe(first.key?.revokedAt);
  });
});
