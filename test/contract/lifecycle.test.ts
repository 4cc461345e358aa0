// Issue 18's operations through `prism proxy --errors`: list, create, get and update virtual keys;
// list and create admin API keys; create Vine keys. Every documented status the server can give,
// the listed divergences, and injected faults in the envelope each status documents. Prism checks
// requests too, so a body the spec itself refuses is sent to the server directly.
import { describe, expect, it } from 'vitest';
import { useContract } from './support/harness.js';

const { env, call, control } = useContract();
const vkUrl = (path = '') => `${env.proxy.virtualKeys}/api/gateway/v1/virtual-keys${path}`;
const apiKeysUrl = `${env.proxy.apiKeys}/api/api-keys`;
/** Prism's own security check wants X-Auth-Token on the virtual-key spec; a Bearer credential, read first, wins over it. */
const asProject = (apiKey: string) => ({ 'x-auth-token': apiKey });
const asAdminOn = (token: string, projectId: string) => ({ authorization: `Bearer ${token}`, 'x-project-id': projectId, 'x-auth-token': 'sk-lw-ignored' });

async function project() {
  const made = await control.project();
  return { ...made, headers: asProject(made.api_key) };
}
const createKey = (headers: Record<string, string>, body: Record<string, unknown>) => call(vkUrl(), { method: 'POST', headers, body });
const demoAdmin = () => env.credentials.demo!.admin_api_key.token;
/** An admin key made through the API, bound as asked. */
async function adminKey(body: Record<string, unknown>): Promise<string> {
  const reply = await call(apiKeysUrl, { method: 'POST', headers: { authorization: `Bearer ${demoAdmin()}` }, body: { name: 'contract', keyType: 'service', ...body } });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.token;
}

describe('virtual keys: list', () => {
  it('200 { data } newest first, revoked keys included', async () => {
    const p = await project();
    const first = (await createKey(p.headers, { name: 'first', provider_credential_ids: [p.provider_credential_id] })).body.virtual_key;
    await control.clock({ advance_ms: 1_000 });
    const second = (await createKey(p.headers, { name: 'second', provider_credential_ids: [p.provider_credential_id] })).body.virtual_key;
    await call(vkUrl(`/${first.id}/revoke`), { method: 'POST', headers: p.headers });
    const reply = await call(vkUrl(), { headers: p.headers });
    expect(reply.status).toBe(200);
    expect(reply.body.data.map((key: { id: string; status: string }) => `${key.id} ${key.status}`)).toEqual([`${second.id} active`, `${first.id} revoked`]);
  });

  it('401 for an unknown key; 403 (listed) for an admin key without virtualKeys:view on the project', async () => {
    expect((await call(vkUrl(), { headers: asProject('sk-lw-unknownunknownunknownunknown') })).status).toBe(401);
    const [bound, other] = [await project(), await project()];
    const viewer = await adminKey({ bindings: [{ role: 'VIEWER', scopeType: 'PROJECT', scopeId: bound.id }] });
    expect((await call(vkUrl(), { headers: asAdminOn(viewer, bound.id) })).status).toBe(200);
    const denied = await call(vkUrl(), { headers: asAdminOn(viewer, other.id) });
    expect(denied).toMatchObject({ status: 403, body: { error: 'Forbidden', message: 'API Key does not grant required permission: virtualKeys:view' } });
  });

  it('400, 422 and 500 by faults, in the flat envelope the spec documents for them', async () => {
    const p = await project();
    for (const status of [400, 422, 500]) {
      await control.fault({ operation_id: 'getApiGatewayV1Virtual-keys', status });
      expect((await call(vkUrl(), { headers: p.headers })).body).toEqual({ error: expect.any(String), message: `Injected fault: HTTP ${status}` });
    }
  });
});

describe('virtual keys: create', () => {
  it('201 { virtual_key, secret }, the secret usable on the gateway at once', async () => {
    const p = await project();
    const reply = await createKey(p.headers, { name: 'made', description: 'by contract', environment: 'test', principal_user_id: null, provider_credential_ids: [p.provider_credential_id], config: { cache: { mode: 'force' } } });
    expect(reply.status).toBe(201);
    expect(reply.body.secret).toMatch(/^lw_vk_test_/);
    expect((await call(`${env.serverUrl}/v1/models`, { headers: { authorization: `Bearer ${reply.body.secret}` } })).status).toBe(200);
  });

  it('400 in the nested envelope for a provider credential of another project (a body the spec accepts)', async () => {
    const [p, other] = [await project(), await project()];
    const reply = await createKey(p.headers, { name: 'x', provider_credential_ids: [other.provider_credential_id] });
    expect(reply).toMatchObject({ status: 400, body: { error: { type: 'bad_request', code: 'bad_request' } } });
  });

  it('400 validation_error for a body the spec refuses (sent to the server: Prism would refuse it first)', async () => {
    const p = await project();
    const reply = await call(`${env.serverUrl}/api/gateway/v1/virtual-keys`, { method: 'POST', headers: p.headers, body: { name: '', provider_credential_ids: [] } });
    expect(reply).toMatchObject({ status: 400, body: { error: { type: 'bad_request', code: 'validation_error', message: expect.stringContaining('too_small') } } });
  });

  it('409 (listed) for a name the project already uses', async () => {
    const p = await project();
    const body = { name: 'twice', provider_credential_ids: [p.provider_credential_id] };
    expect((await createKey(p.headers, body)).status).toBe(201);
    expect(await createKey(p.headers, body)).toMatchObject({ status: 409, body: { error: 'Conflict', message: 'Unique constraint violated on projectId, name' } });
  });

  it('401 for an unknown key; 403 (listed) for an admin key that may only view', async () => {
    const p = await project();
    const body = { name: 'x', provider_credential_ids: [p.provider_credential_id] };
    expect((await createKey(asProject('sk-lw-unknownunknownunknownunknown'), body)).status).toBe(401);
    const viewer = await adminKey({ bindings: [{ role: 'VIEWER', scopeType: 'PROJECT', scopeId: p.id }] });
    expect((await createKey(asAdminOn(viewer, p.id), body)).status).toBe(403);
  });

  it('400 (nested), 422 and 500 by faults, each in the envelope the spec documents', async () => {
    const p = await project();
    const body = { name: 'x', provider_credential_ids: [p.provider_credential_id] };
    await control.fault({ operation_id: 'postApiGatewayV1Virtual-keys', status: 400 });
    expect((await createKey(p.headers, body)).body).toEqual({ error: { type: 'bad_request', code: 'bad_request', message: 'Injected fault: HTTP 400' } });
    for (const status of [422, 500]) {
      await control.fault({ operation_id: 'postApiGatewayV1Virtual-keys', status });
      expect((await createKey(p.headers, body)).body).toEqual({ error: expect.any(String), message: `Injected fault: HTTP ${status}` });
    }
  });
});

describe('virtual keys: get', () => {
  it('200 { virtual_key }, revoked keys too; 404 in the nested envelope the spec documents', async () => {
    const p = await project();
    const { id } = (await createKey(p.headers, { name: 'g', provider_credential_ids: [p.provider_credential_id] })).body.virtual_key;
    await call(vkUrl(`/${id}/revoke`), { method: 'POST', headers: p.headers });
    expect(await call(vkUrl(`/${id}`), { headers: p.headers })).toMatchObject({ status: 200, body: { virtual_key: { id, status: 'revoked' } } });
    expect(await call(vkUrl('/vk_unknown'), { headers: p.headers })).toMatchObject({ status: 404, body: { error: { type: 'not_found', code: 'virtual_key_not_found', message: 'virtual key not found' } } });
  });

  it('401, 403 (listed), and 400, 422, 500 by faults', async () => {
    const [p, other] = [await project(), await project()];
    expect((await call(vkUrl('/vk_x'), { headers: asProject('sk-lw-unknownunknownunknownunknown') })).status).toBe(401);
    const viewer = await adminKey({ bindings: [{ role: 'VIEWER', scopeType: 'PROJECT', scopeId: other.id }] });
    expect((await call(vkUrl('/vk_x'), { headers: asAdminOn(viewer, p.id) })).status).toBe(403);
    for (const status of [400, 422, 500]) {
      await control.fault({ operation_id: 'getApiGatewayV1Virtual-keysById', status });
      expect((await call(vkUrl('/vk_x'), { headers: p.headers })).status).toBe(status);
    }
  });
});

describe('virtual keys: update', () => {
  it('200 { virtual_key }, revision +1; 400 (nested) for a revoked key', async () => {
    const p = await project();
    const { id } = (await createKey(p.headers, { name: 'u', provider_credential_ids: [p.provider_credential_id] })).body.virtual_key;
    const reply = await call(vkUrl(`/${id}`), { method: 'PATCH', headers: p.headers, body: { name: 'renamed', config: { rateLimits: { rpm: 60 } } } });
    expect(reply).toMatchObject({ status: 200, body: { virtual_key: { id, name: 'renamed', revision: '2' } } });
    await call(vkUrl(`/${id}/revoke`), { method: 'POST', headers: p.headers });
    expect(await call(vkUrl(`/${id}`), { method: 'PATCH', headers: p.headers, body: { name: 'again' } })).toMatchObject({
      status: 400,
      body: { error: { type: 'bad_request', code: 'bad_request', message: 'Cannot update a revoked virtual key' } },
    });
  });

  it('404 and 409 (listed), 401, 403 (listed)', async () => {
    const p = await project();
    await createKey(p.headers, { name: 'taken', provider_credential_ids: [p.provider_credential_id] });
    const { id } = (await createKey(p.headers, { name: 'mine', provider_credential_ids: [p.provider_credential_id] })).body.virtual_key;
    expect(await call(vkUrl('/vk_unknown'), { method: 'PATCH', headers: p.headers, body: {} })).toMatchObject({ status: 404, body: { error: 'Virtual key not found' } });
    expect((await call(vkUrl(`/${id}`), { method: 'PATCH', headers: p.headers, body: { name: 'taken' } })).status).toBe(409);
    expect((await call(vkUrl(`/${id}`), { method: 'PATCH', headers: asProject('sk-lw-unknownunknownunknownunknown'), body: {} })).status).toBe(401);
    const viewer = await adminKey({ bindings: [{ role: 'VIEWER', scopeType: 'PROJECT', scopeId: p.id }] });
    expect((await call(vkUrl(`/${id}`), { method: 'PATCH', headers: asAdminOn(viewer, p.id), body: {} })).status).toBe(403);
  });

  it('400 (nested), 422 and 500 by faults', async () => {
    const p = await project();
    await control.fault({ operation_id: 'patchApiGatewayV1Virtual-keysById', status: 400 });
    expect((await call(vkUrl('/vk_x'), { method: 'PATCH', headers: p.headers, body: {} })).body).toEqual({ error: { type: 'bad_request', code: 'bad_request', message: 'Injected fault: HTTP 400' } });
    for (const status of [422, 500]) {
      await control.fault({ operation_id: 'patchApiGatewayV1Virtual-keysById', status });
      expect((await call(vkUrl('/vk_x'), { method: 'PATCH', headers: p.headers, body: {} })).status).toBe(status);
    }
  });

  it('revoke and rotate with an admin key: 200 with the permission, 403 (listed) without', async () => {
    const p = await project();
    const { id } = (await createKey(p.headers, { name: 'r', provider_credential_ids: [p.provider_credential_id] })).body.virtual_key;
    const member = await adminKey({ bindings: [{ role: 'MEMBER', scopeType: 'PROJECT', scopeId: p.id }] });
    expect((await call(vkUrl(`/${id}/rotate`), { method: 'POST', headers: asAdminOn(member, p.id) })).status).toBe(200);
    expect((await call(vkUrl(`/${id}/revoke`), { method: 'POST', headers: asAdminOn(member, p.id) })).status).toBe(403);
    expect((await call(vkUrl(`/${id}/revoke`), { method: 'POST', headers: asAdminOn(demoAdmin(), p.id) })).status).toBe(200);
  });
});

describe('admin API keys: list and create', () => {
  const asAdmin = (token: string) => ({ authorization: `Bearer ${token}` });

  it('list: 200 with the real nulls, which the spec accepts as 3.1 type arrays', async () => {
    const reply = await call(apiKeysUrl, { headers: asAdmin(demoAdmin()) });
    expect(reply.status).toBe(200);
    expect(reply.body.data[0]).toMatchObject({ description: null, expiresAt: null, revokedAt: null });
  });

  it('list: 401 and 403 (no body in the spec)', async () => {
    expect((await call(apiKeysUrl, { headers: asAdmin(`sk-lw-${'A'.repeat(16)}_${'b'.repeat(48)}`) })).status).toBe(401);
    const none = await control.apiKey({ permissions: [] });
    expect(await call(apiKeysUrl, { headers: asAdmin(none.token) })).toMatchObject({ status: 403, body: { message: 'Insufficient permissions. Required: organization:view' } });
  });

  it('create: 201 for a service key without bindings (the published schema required them), and for a personal key with bindings', async () => {
    const service = await call(apiKeysUrl, { method: 'POST', headers: asAdmin(demoAdmin()), body: { keyType: 'service', name: 'svc', description: 'no bindings' } });
    expect(service).toMatchObject({ status: 201, body: { token: expect.stringMatching(/^sk-lw-/), apiKey: { name: 'svc' } } });
    const organizationId = (await call(`${env.serverUrl}/__mock/langwatch/projects`)).body.projects[0].organization_id;
    const personal = await call(apiKeysUrl, { method: 'POST', headers: asAdmin(demoAdmin()), body: { name: 'me', expiresAt: '2099-01-01T00:00:00Z', bindings: [{ role: 'MEMBER', scopeType: 'ORGANIZATION', scopeId: organizationId }] } });
    expect(personal.status).toBe(201);
    const listed = await call(apiKeysUrl, { headers: asAdmin(personal.body.token) });
    expect(listed.body.data.find((key: { id: string }) => key.id === personal.body.apiKey.id)).toMatchObject({ expiresAt: '2099-01-01T00:00:00.000Z' });
  });

  it('create: 422 (a personal key without bindings), 403 (a binding out of scope), 401', async () => {
    expect(await call(apiKeysUrl, { method: 'POST', headers: asAdmin(demoAdmin()), body: { name: 'k' } })).toMatchObject({ status: 422, body: { error: 'Unprocessable Entity', message: 'bindings are required for personal keys', path: ['bindings'] } });
    const scoped = await call(apiKeysUrl, { method: 'POST', headers: asAdmin(demoAdmin()), body: { name: 'k', keyType: 'service', projectIds: ['project_nope'] } });
    expect(scoped).toMatchObject({ status: 403, body: { error: 'Forbidden', message: 'Project project_nope not found or archived' } });
    expect((await call(apiKeysUrl, { method: 'POST', headers: asAdmin(`sk-lw-${'A'.repeat(16)}_${'b'.repeat(48)}`), body: { name: 'k', keyType: 'service' } })).status).toBe(401);
  });
});

describe('Vine: create', () => {
  const keysUrl = `${env.proxy.vine}/api/v1/keys`;

  it('201 { key } with the one-time plaintext, usable on detect at once', async () => {
    const reply = await call(keysUrl, { method: 'POST', body: { name: 'contract', env: 'live', scopes: ['detect'] } });
    expect(reply).toMatchObject({ status: 201, body: { key: { name: 'contract', scopes: ['detect'], rateTier: 'internal', plaintext: expect.stringMatching(/^vine_live_/) } } });
    const detect = await call(`${env.serverUrl}/api/v1/detect`, { method: 'POST', headers: { authorization: `Bearer ${reply.body.key.plaintext}` }, body: { url: 'https://a.example/' } });
    expect(detect.status).toBe(200);
  });

  it('422 in Vine\'s envelope: by a fault through Prism, and from the server for a body the spec refuses', async () => {
    await control.fault({ operation_id: 'postApiV1Keys', status: 422 });
    expect(await call(keysUrl, { method: 'POST', body: { name: 'x' } })).toMatchObject({ status: 422, body: { error: { code: 'validation_failed' } } });
    expect(await call(`${env.serverUrl}/api/v1/keys`, { method: 'POST', body: { name: 'x', tier: 'gold' } })).toMatchObject({ status: 422, body: { error: { code: 'validation_failed' } } });
  });
});
