// LangWatch virtual keys through `prism proxy --errors specs/langwatch-virtual-keys.yaml`: every
// documented status of revoke and rotate, the 404 divergence, idempotent repeats, the grace
// window and propagation (watched on the data plane, which is on the server directly).
import { describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, InternalServerError, NotFoundError, UnprocessableEntityError } from '@revokit/langwatch';
import { useContract } from './support/harness.js';

const { env, call, control, dataPlane, clients } = useContract();
const revokePath = (id: string) => `${env.proxy.virtualKeys}/api/gateway/v1/virtual-keys/${encodeURIComponent(id)}/revoke`;
const rotatePath = (id: string) => `${env.proxy.virtualKeys}/api/gateway/v1/virtual-keys/${encodeURIComponent(id)}/rotate`;

async function projectWithKey() {
  const project = await control.project();
  const key = await control.virtualKey({ project_id: project.id, environment: 'test' });
  return { project, key, lw: clients.langwatch({ apiKey: project.api_key }) };
}

describe('revoke', () => {
  it('200: an active key becomes revoked, revision +1 (SDK and plain fetch agree)', async () => {
    const { project, key, lw } = await projectWithKey();
    const revoked = await lw.virtualKeys.revoke(key.virtual_key.id);
    expect(revoked.virtual_key).toMatchObject({ id: key.virtual_key.id, status: 'revoked', revision: '2' });

    const other = await control.virtualKey({ project_id: project.id });
    const reply = await call(revokePath(other.virtual_key.id), { method: 'POST', headers: { 'x-auth-token': project.api_key } });
    expect(reply.status).toBe(200);
    expect(reply.body.virtual_key).toMatchObject({ status: 'revoked', revision: '2' });
  });

  it('200 again on a repeat: same object, same revision', async () => {
    const { key, lw } = await projectWithKey();
    const first = await lw.virtualKeys.revoke(key.virtual_key.id);
    const second = await lw.virtualKeys.revoke(key.virtual_key.id);
    expect(second).toEqual(first);
  });

  it('401: an unknown project key (through Prism) and a missing one (on the server: Prism answers that itself)', async () => {
    const { key } = await projectWithKey();
    const lw = clients.langwatch({ apiKey: 'sk-lw-unknownunknownunknownunknown' });
    await expect(lw.virtualKeys.revoke(key.virtual_key.id)).rejects.toBeInstanceOf(AuthenticationError);
    const direct = await call(`${env.serverUrl}/api/gateway/v1/virtual-keys/${key.virtual_key.id}/revoke`, { method: 'POST' });
    expect(direct.status).toBe(401);
    expect(direct.body).toEqual({
      error: 'Unauthorized',
      message: 'Authentication required. Use Authorization: Basic base64(projectId:token), Authorization: Bearer <token>, or X-Auth-Token header.',
    });
  });

  it('404 (listed divergence): an unknown id, or a key of another project', async () => {
    const { key } = await projectWithKey();
    const stranger = await control.project();
    const lw = clients.langwatch({ apiKey: stranger.api_key });
    await expect(lw.virtualKeys.revoke('vk_doesnotexist0000000000')).rejects.toMatchObject({ status: 404, body: { error: 'Virtual key not found', message: 'Virtual key not found' } });
    await expect(lw.virtualKeys.revoke(key.virtual_key.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('400, 422 and 500 are produced by faults, in the spec envelope', async () => {
    const { key, lw } = await projectWithKey();
    const operation_id = 'postApiGatewayV1Virtual-keysByIdRevoke';
    await control.fault({ operation_id, status: 400 });
    await expect(lw.virtualKeys.revoke(key.virtual_key.id)).rejects.toBeInstanceOf(BadRequestError);
    await control.fault({ operation_id, status: 422 });
    await expect(lw.virtualKeys.revoke(key.virtual_key.id)).rejects.toBeInstanceOf(UnprocessableEntityError);
    await control.fault({ operation_id, status: 500 });
    await expect(lw.virtualKeys.revoke(key.virtual_key.id)).rejects.toBeInstanceOf(InternalServerError);
    // None of them took effect: the key is still active.
    expect((await lw.virtualKeys.revoke(key.virtual_key.id)).virtual_key.revision).toBe('2');
  });
});

describe('credential forms through the proxy', () => {
  it('Basic (key as password) and Bearer answer 200 bodies the spec accepts; Prism\'s own security check still wants an X-Auth-Token, so a wrong one rides along and loses', async () => {
    const { project, key } = await projectWithKey();
    const basic = `Basic ${btoa(`anyone:${project.api_key}`)}`;
    const rotated = await call(rotatePath(key.virtual_key.id), { method: 'POST', headers: { authorization: basic, 'x-auth-token': 'sk-lw-ignored' } });
    expect(rotated.status).toBe(200);
    const revoked = await call(revokePath(key.virtual_key.id), { method: 'POST', headers: { authorization: `Bearer ${project.api_key}`, 'x-auth-token': 'sk-lw-ignored' } });
    expect(revoked).toMatchObject({ status: 200, body: { virtual_key: { status: 'revoked', revision: '3' } } });
  });
});

describe('rotate', () => {
  it('200: a new secret and display_prefix, revision +1 each time (SDK and plain fetch)', async () => {
    const { project, key, lw } = await projectWithKey();
    const first = await lw.virtualKeys.rotate(key.virtual_key.id);
    expect(first.secret).not.toBe(key.secret);
    expect(first.virtual_key).toMatchObject({ revision: '2', status: 'active', display_prefix: first.secret.slice(0, 18) });
    const reply = await call(rotatePath(key.virtual_key.id), { method: 'POST', headers: { 'x-auth-token': project.api_key } });
    expect(reply.status).toBe(200);
    expect(reply.body.virtual_key.revision).toBe('3');
    expect(reply.body.secret).not.toBe(first.secret);
  });

  it('400: a revoked key cannot be rotated', async () => {
    const { key, lw } = await projectWithKey();
    await lw.virtualKeys.revoke(key.virtual_key.id);
    await expect(lw.virtualKeys.rotate(key.virtual_key.id)).rejects.toMatchObject({ status: 400, body: { error: 'Cannot rotate a revoked virtual key', message: 'Cannot rotate a revoked virtual key' } });
  });

  it('401 with an unknown project key; 404 (listed divergence) for an unknown id', async () => {
    const lw = clients.langwatch({ apiKey: 'sk-lw-unknownunknownunknownunknown' });
    await expect(lw.virtualKeys.rotate('vk_x')).rejects.toBeInstanceOf(AuthenticationError);
    const { lw: owner } = await projectWithKey();
    await expect(owner.virtualKeys.rotate('vk_doesnotexist0000000000')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('422 and 500 are produced by faults; the key is not rotated', async () => {
    const { key, lw } = await projectWithKey();
    const operation_id = 'postApiGatewayV1Virtual-keysByIdRotate';
    await control.fault({ operation_id, status: 422 });
    await expect(lw.virtualKeys.rotate(key.virtual_key.id)).rejects.toBeInstanceOf(UnprocessableEntityError);
    await control.fault({ operation_id, status: 500 });
    await expect(lw.virtualKeys.rotate(key.virtual_key.id)).rejects.toBeInstanceOf(InternalServerError);
    expect((await dataPlane.models(key.secret)).status).toBe(200);
    expect((await lw.virtualKeys.rotate(key.virtual_key.id)).virtual_key.revision).toBe('2');
  });
});

describe('grace window and propagation, seen on the data plane', () => {
  it('the rotated-out secret works until exactly rotatedAt + grace', async () => {
    const { key, lw } = await projectWithKey();
    await control.freeze();
    const rotated = await lw.virtualKeys.rotate(key.virtual_key.id);
    await control.clock({ advance_ms: env.graceMs - 1 });
    expect((await dataPlane.models(key.secret)).status).toBe(200);
    expect((await dataPlane.chat(rotated.secret)).status).toBe(200);
    await control.clock({ advance_ms: 1 });
    const expired = await dataPlane.models(key.secret);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('invalid_api_key');
    expect((await dataPlane.models(rotated.secret)).status).toBe(200);
  });

  it('a second rotation inside the window retires the original secret at once', async () => {
    const { key, lw } = await projectWithKey();
    await control.freeze();
    const first = await lw.virtualKeys.rotate(key.virtual_key.id);
    const second = await lw.virtualKeys.rotate(key.virtual_key.id);
    expect((await dataPlane.models(key.secret)).status).toBe(401);
    expect((await dataPlane.models(first.secret)).status).toBe(200);
    expect((await dataPlane.models(second.secret)).status).toBe(200);
  });

  it('a revocation reaches the data plane exactly propagationMs later: the current secret is revoked, the grace secret (cleared by the revoke) unknown', async () => {
    const { key, lw } = await projectWithKey();
    await control.freeze();
    const rotated = await lw.virtualKeys.rotate(key.virtual_key.id);
    const revoked = await lw.virtualKeys.revoke(key.virtual_key.id);
    expect(revoked.virtual_key.status).toBe('revoked');
    await control.clock({ advance_ms: env.propagationMs - 1 });
    expect((await dataPlane.models(rotated.secret)).status).toBe(200);
    expect((await dataPlane.models(key.secret)).status).toBe(200);
    await control.clock({ advance_ms: 1 });
    const current = await dataPlane.models(rotated.secret);
    expect(current).toMatchObject({ status: 401, body: { error: { type: 'virtual_key_revoked', code: 'virtual_key_revoked' } } });
    const previous = await dataPlane.models(key.secret);
    expect(previous).toMatchObject({ status: 401, body: { error: { type: 'invalid_api_key', code: 'invalid_api_key' } } });
  });

  it('last_used_at is null until the data plane accepts the key, then the time of that use', async () => {
    const { key, lw } = await projectWithKey();
    const frozenAt = await control.freeze();
    const before = await lw.virtualKeys.rotate(key.virtual_key.id);
    expect(before.virtual_key.last_used_at).toBeNull();
    expect((await dataPlane.chat(before.secret)).status).toBe(200);
    const after = await lw.virtualKeys.revoke(key.virtual_key.id);
    expect(after.virtual_key.last_used_at).toBe(new Date(frozenAt).toISOString());
  });
});
