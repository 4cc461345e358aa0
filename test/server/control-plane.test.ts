// /__mock/: every endpoint, its snake_case shapes, and a 400 naming the field for bad input.
import { beforeEach, describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';

const api = useServer({ graceMs: 10_000, propagationMs: 1_000 });
beforeEach(async () => {
  expect((await api.post('/__mock/reset')).status).toBe(204);
});

const badField = async (path: string, body: unknown, field: string, message?: RegExp) => {
  const reply = await api.post(path, body);
  expect(reply.status, reply.text).toBe(400);
  expect(reply.body).toMatchObject({ error: 'bad_request', field });
  if (message) expect(reply.body.message).toMatch(message);
};

describe('health and reset', () => {
  it('GET /__mock/health → 200 { ok: true }', async () => {
    expect(await api.get('/__mock/health')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('POST /__mock/reset → 204 with no body', async () => {
    const reply = await api.post('/__mock/reset');
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
  });
});

describe('clock', () => {
  it('GET → { now, offset_ms, frozen }', async () => {
    const { body } = await api.get('/__mock/clock');
    expect(body).toEqual({ now: expect.any(String), offset_ms: expect.any(Number), frozen: false });
    expect(Math.abs(Date.parse(body.now) - Date.now())).toBeLessThan(5_000);
  });

  it('frozen: time stands still, advance_ms and now move it exactly; frozen: false lets it flow from there', async () => {
    const frozen = (await api.post('/__mock/clock', { frozen: true })).body;
    expect(frozen.frozen).toBe(true);
    expect((await api.get('/__mock/clock')).body.now).toBe(frozen.now);
    const advanced = (await api.post('/__mock/clock', { advance_ms: 1_234 })).body;
    expect(Date.parse(advanced.now) - Date.parse(frozen.now)).toBe(1_234);
    const set = (await api.post('/__mock/clock', { now: '2030-01-02T03:04:05.006Z' })).body;
    expect(set).toMatchObject({ now: '2030-01-02T03:04:05.006Z', frozen: true });
    const flowing = (await api.post('/__mock/clock', { frozen: false })).body;
    expect(flowing.frozen).toBe(false);
    expect(Date.parse(flowing.now)).toBeGreaterThanOrEqual(Date.parse('2030-01-02T03:04:05.006Z'));
    expect(flowing.offset_ms).toBeGreaterThan(100_000_000);
  });

  it('freezing and setting in one call', async () => {
    const reply = await api.post('/__mock/clock', { frozen: true, now: '2031-05-05T00:00:00.000Z' });
    expect(reply.body).toMatchObject({ now: '2031-05-05T00:00:00.000Z', frozen: true });
  });

  it('reset: offset zero, back to the mode the server started in', async () => {
    await api.post('/__mock/clock', { frozen: true, advance_ms: 86_400_000 });
    await api.post('/__mock/reset');
    const { body } = await api.get('/__mock/clock');
    expect(body.frozen).toBe(false);
    expect(Math.abs(body.offset_ms)).toBeLessThan(1_000);
  });

  it.each([
    [{}, 'body', /at least one of advance_ms, now, frozen/],
    [{ advance_ms: -1 }, 'advance_ms', /integer from 0/],
    [{ advance_ms: 1.5 }, 'advance_ms', /integer/],
    [{ advance_ms: '10' }, 'advance_ms', /integer/],
    [{ advance_ms: 1e300 }, 'advance_ms', /integer/],
    [{ advance_ms: 9_000_000_000_000_000 }, 'advance_ms', /integer|9999/],
    [{ now: 'yesterday' }, 'now', /ISO 8601/],
    [{ now: 12 }, 'now', /ISO 8601/],
    [{ now: '+275000-01-01T00:00:00Z' }, 'now', /ISO 8601|9999/],
    [{ now: '2030-01-01T00:00:00Z', advance_ms: 1 }, 'now', /exclude/],
    [{ frozen: 'yes' }, 'frozen', /true or false/],
    [{ speed: 2 }, 'speed', /unknown field "speed"/],
    [[1], 'body', /JSON object/],
  ])('%j → 400 naming %s, clock unchanged', async (body, field, message) => {
    const before = (await api.get('/__mock/clock')).body;
    await badField('/__mock/clock', body, field, message);
    const after = (await api.get('/__mock/clock')).body;
    expect(after.frozen).toBe(before.frozen);
    expect(Math.abs(after.offset_ms - before.offset_ms)).toBeLessThan(1_000);
  });

  it('time far ahead still prints as ISO 8601 and every route keeps answering', async () => {
    await api.post('/__mock/clock', { now: '9999-12-31T23:59:00.000Z' });
    const { vine_key } = api.server.credentials.demo!;
    expect((await api.post(`/api/v1/keys/${vine_key.id}/revoke`)).status).toBe(200);
    await badField('/__mock/clock', { advance_ms: 3_600_000 }, 'advance_ms', /9999/);
  });
});

describe('creating entities', () => {
  it('POST /__mock/langwatch/projects → 201 { id, api_key, provider_credential_id }, a key that authenticates', async () => {
    const reply = await api.post('/__mock/langwatch/projects');
    expect(reply).toMatchObject({ status: 201, body: { id: expect.stringMatching(/^project_/), api_key: expect.stringMatching(/^sk-lw-[A-Za-z0-9]+$/) } });
    expect(Object.keys(reply.body)).toEqual(['id', 'api_key', 'provider_credential_id']);
    await badField('/__mock/langwatch/projects', { name: 'x' }, 'name', /unknown field/);
  });

  it('POST /__mock/langwatch/virtual-keys → 201 { virtual_key, secret }, in the default project unless project_id says otherwise', async () => {
    const inDefault = await api.post('/__mock/langwatch/virtual-keys', {});
    expect(inDefault.status).toBe(201);
    expect(inDefault.body.virtual_key).toMatchObject({ status: 'active', environment: 'live', revision: '1', last_used_at: null });
    expect(inDefault.body.secret).toMatch(/^lw_vk_live_[0-9A-Z]{26}$/);
    const rotate = await api.post(`/api/gateway/v1/virtual-keys/${inDefault.body.virtual_key.id}/rotate`, undefined, { 'x-auth-token': api.server.credentials.project.apiKey });
    expect(rotate.status).toBe(200);

    const project = (await api.post('/__mock/langwatch/projects')).body;
    const full = await api.post('/__mock/langwatch/virtual-keys', { project_id: project.id, name: 'n', description: null, environment: 'test', principal_user_id: 'u', provider_credential_ids: ['a'] });
    expect(full.body.virtual_key).toMatchObject({ name: 'n', description: null, environment: 'test', principal_user_id: 'u', provider_credential_ids: ['a'] });
    const wrongProject = await api.post(`/api/gateway/v1/virtual-keys/${full.body.virtual_key.id}/revoke`, undefined, { 'x-auth-token': api.server.credentials.project.apiKey });
    expect(wrongProject.status).toBe(404);
  });

  it.each([
    [{ project_id: 'project_nope' }, 'project_id', /not a project/],
    [{ project_id: '' }, 'project_id', /non-empty/],
    [{ environment: 'prod' }, 'environment', /"live", "test"/],
    [{ name: 1 }, 'name', /string/],
    [{ description: 5 }, 'description', /string or null/],
    [{ provider_credential_ids: [1] }, 'provider_credential_ids', /array of strings/],
    [{ secret: 'x' }, 'secret', /secret must be a virtual-key secret: lw_vk_live_ or lw_vk_test_/],
    [{ revision: 3 }, 'revision', /unknown field/],
  ])('virtual-keys %j → 400 naming %s', (body, field, message) => badField('/__mock/langwatch/virtual-keys', body, field, message));

  it('POST /__mock/langwatch/provider-credentials → 201, a credential a virtual key can be created with', async () => {
    const { project } = api.server.credentials;
    const reply = await api.post('/__mock/langwatch/provider-credentials', { model_provider_name: 'anthropic', slot: 'backup' });
    expect(reply).toMatchObject({ status: 201, body: { id: expect.stringMatching(/^[A-Za-z0-9]{21}$/), project_id: project.id, model_provider_name: 'anthropic', slot: 'backup', disabled_at: null } });
    expect(Object.keys(reply.body)).toEqual(['id', 'project_id', 'model_provider_name', 'slot', 'created_at', 'disabled_at']);
    const body = { name: 'routed', provider_credential_ids: [reply.body.id, project.providerCredentialId] };
    const created = await api.post('/api/gateway/v1/virtual-keys', body, { 'x-auth-token': project.apiKey });
    expect(created).toMatchObject({ status: 201, body: { virtual_key: { provider_credential_ids: body.provider_credential_ids } } });
    const disabled = await api.post('/__mock/langwatch/provider-credentials', { slot: 'off', disabled: true, id: 'pc_fixed' });
    expect(disabled.body).toMatchObject({ id: 'pc_fixed', disabled_at: expect.any(String) });
    expect((await api.post('/api/gateway/v1/virtual-keys', { name: 'off', provider_credential_ids: ['pc_fixed'] }, { 'x-auth-token': project.apiKey })).status).toBe(400);
  });

  it.each([
    [{ project_id: 'project_nope' }, 'project_id', /not a project/],
    [{ slot: 'primary' }, 'slot', /already has a openai credential in slot "primary"/],
    [{ disabled: 'yes' }, 'disabled', /true or false/],
    [{ id: '' }, 'id', /non-empty/],
    [{ provider: 'openai' }, 'provider', /unknown field/],
  ])('provider-credentials %j → 400 naming %s', (body, field, message) => badField('/__mock/langwatch/provider-credentials', body, field, message));

  it('POST /__mock/langwatch/api-keys → 201 { id, token, role, owner_user_id }', async () => {
    const reply = await api.post('/__mock/langwatch/api-keys', { role: 'member', permissions: [], owner_user_id: 'user_x' });
    expect(reply).toMatchObject({ status: 201, body: { id: expect.any(String), token: expect.stringMatching(/^sk-lw-[A-Za-z0-9]{16}_[A-Za-z0-9]{48}$/), role: 'member', owner_user_id: 'user_x' } });
    const noPermission = await api.send('DELETE', `/api/api-keys/${reply.body.id}`, { headers: { authorization: `Bearer ${reply.body.token}` } });
    expect(noPermission.status).toBe(403);
    expect((await api.post('/__mock/langwatch/api-keys')).body.role).toBe('admin');
  });

  it.each([
    [{ role: 'owner' }, 'role'],
    [{ permissions: 'organization:manage' }, 'permissions'],
    [{ owner_user_id: 7 }, 'owner_user_id'],
    [{ token: 'x' }, 'token'],
  ])('api-keys %j → 400 naming %s', (body, field) => badField('/__mock/langwatch/api-keys', body, field));

  it('api-keys with bindings and a null owner make a service key the virtual-key routes hold to its bindings', async () => {
    const { project } = api.server.credentials;
    const reply = await api.post('/__mock/langwatch/api-keys', { owner_user_id: null, name: 'viewer', bindings: [{ role: 'VIEWER', scope_type: 'PROJECT', scope_id: project.id }] });
    expect(reply).toMatchObject({ status: 201, body: { owner_user_id: null } });
    const headers = { authorization: `Bearer ${reply.body.token}`, 'x-project-id': project.id };
    expect((await api.get('/api/gateway/v1/virtual-keys', headers)).status).toBe(200);
    expect((await api.post('/api/gateway/v1/virtual-keys', { name: 'x', provider_credential_ids: [project.providerCredentialId] }, headers)).status).toBe(403);
    const listed = (await api.get('/__mock/langwatch/api-keys')).body.api_keys.find((key: { id: string }) => key.id === reply.body.id);
    expect(listed).toMatchObject({ name: 'viewer', permissions: [], role_bindings: [{ id: expect.any(String), role: 'VIEWER', scope_type: 'PROJECT', scope_id: project.id }] });
  });

  it.each([
    [{ bindings: [{ role: 'OWNER', scope_type: 'PROJECT', scope_id: 'p' }] }, 'bindings[0].role'],
    [{ bindings: [{ role: 'ADMIN', scope_type: 'TEAM', scope_id: 'team_1' }] }, 'bindings[0].scope_id'],
    [{ bindings: [{ role: 'ADMIN', scope_type: 'PROJECT' }] }, 'bindings[0].scope_id'],
    [{ owner_user_id: '' }, 'owner_user_id'],
  ])('api-keys %j → 400 naming %s', (body, field) => badField('/__mock/langwatch/api-keys', body, field));

  it('POST /__mock/vine/keys → 201 { key: { id, name, keyPrefix, plaintext } }', async () => {
    const reply = await api.post('/__mock/vine/keys', { name: 'ci', env: 'test' });
    expect(reply).toMatchObject({ status: 201, body: { key: { id: expect.stringMatching(/^c[0-9a-z]{24}$/), name: 'ci', plaintext: expect.stringMatching(/^vine_test_[0-9A-Za-z]{32}$/) } } });
    expect(reply.body.key.keyPrefix).toBe(reply.body.key.plaintext.slice(0, 12));
    expect((await api.post('/__mock/vine/keys', {})).body.key.plaintext).toMatch(/^vine_test_/); // Vine's default environment
    expect((await api.post('/__mock/vine/keys', { env: 'live' })).body.key.plaintext).toMatch(/^vine_live_/);
    await badField('/__mock/vine/keys', { env: 'prod' }, 'env');
    await badField('/__mock/vine/keys', { name: null }, 'name');
  });

  it('GET lists each entity kind, secrets included (the control plane hands out credentials)', async () => {
    const made = await api.post('/__mock/langwatch/virtual-keys', { name: 'listed' });
    const listed = (await api.get('/__mock/langwatch/virtual-keys')).body.virtual_keys;
    expect(listed).toContainEqual(expect.objectContaining({ virtual_key: made.body.virtual_key, secret: made.body.secret, previous_secret: null, revoked_at: null }));
    const { project } = api.server.credentials;
    expect((await api.get('/__mock/langwatch/projects')).body.projects).toContainEqual({ id: project.id, api_key: project.apiKey, organization_id: expect.any(String) });
    expect((await api.get('/__mock/langwatch/provider-credentials')).body.provider_credentials).toContainEqual(
      expect.objectContaining({ id: project.providerCredentialId, project_id: project.id, model_provider_name: 'openai', slot: 'primary', disabled_at: null }),
    );
    expect((await api.get('/__mock/langwatch/api-keys')).body.api_keys).toContainEqual(expect.objectContaining({ id: api.server.credentials.demo!.admin_api_key.id, role: 'admin', revoked_at: null }));
    expect((await api.get('/__mock/vine/keys')).body.keys).toContainEqual(expect.objectContaining({ id: api.server.credentials.demo!.vine_key.id, revokedAt: null }));
  });

  it('entities created here are gone after a reset', async () => {
    const { key } = (await api.post('/__mock/vine/keys')).body;
    await api.post('/__mock/reset');
    expect((await api.post(`/api/v1/keys/${key.id}/revoke`)).status).toBe(404);
  });
});

describe('journal', () => {
  it('GET /__mock/requests → both mocks\' entries, snake_case, credentials redacted', async () => {
    const { vine_key, virtual_key } = api.server.credentials.demo!;
    await api.post(`/api/v1/keys/${vine_key.id}/revoke`);
    await api.get(`/v1/models?key=${virtual_key.secret}`, { authorization: `Bearer ${virtual_key.secret}` });
    await api.post(`/api/v1/keys/${vine_key.plaintext}/revoke`);
    const { body } = await api.get('/__mock/requests');
    expect(body.vine).toEqual([
      { method: 'POST', url: `/api/v1/keys/${vine_key.id}/revoke`, operation_id: 'postApiV1KeysByIdRevoke', status: 200, at: expect.any(String) },
      { method: 'POST', url: '/api/v1/keys/[redacted]/revoke', operation_id: 'postApiV1KeysByIdRevoke', status: 404, at: expect.any(String) },
    ]);
    expect(body.langwatch).toEqual([{ method: 'GET', url: '/v1/models?key=[redacted]', operation_id: 'gatewayListModels', status: 200, at: expect.any(String) }]);
    const text = JSON.stringify(body);
    for (const secret of [virtual_key.secret, vine_key.plaintext]) expect(text).not.toContain(secret);
  });

  it('the control plane itself is not journaled; a reset empties the journal', async () => {
    await api.get('/__mock/health');
    await api.post(`/api/v1/keys/x/revoke`);
    await api.post('/__mock/reset');
    expect((await api.get('/__mock/requests')).body).toEqual({ langwatch: [], vine: [] });
  });
});

describe('faults', () => {
  const vineRevoke = () => api.post(`/api/v1/keys/${api.server.credentials.demo!.vine_key.id}/revoke`);

  it('POST → 201 echoing the fault; the next `times` requests get it, in the API\'s envelope and with its headers', async () => {
    const reply = await api.post('/__mock/faults', { operation_id: 'postApiV1KeysByIdRevoke', status: 503, headers: { 'retry-after': '0' }, times: 2 });
    expect(reply).toMatchObject({ status: 201, body: { operation_id: 'postApiV1KeysByIdRevoke', status: 503, headers: { 'retry-after': '0' }, times: 2 } });
    expect((await api.get('/__mock/faults')).body).toEqual({ faults: [{ operation_id: 'postApiV1KeysByIdRevoke', status: 503, headers: { 'retry-after': '0' }, times: 2 }] });
    for (let i = 0; i < 2; i++) {
      const failed = await vineRevoke();
      expect(failed.status).toBe(503);
      expect(failed.headers['retry-after']).toBe('0');
      expect(failed.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect((await vineRevoke()).status).toBe(200);
    expect((await api.get('/__mock/faults')).body).toEqual({ faults: [] });
  });

  it('LangWatch operations get LangWatch envelopes; the gateway data plane its own', async () => {
    await api.post('/__mock/faults', { operation_id: 'revokeApiKey', status: 500 });
    await api.post('/__mock/faults', { operation_id: 'gatewayListModels', status: 429 });
    const { admin_api_key, member_api_key, virtual_key } = api.server.credentials.demo!;
    const admin = await api.send('DELETE', `/api/api-keys/${member_api_key.id}`, { headers: { authorization: `Bearer ${admin_api_key.token}` } });
    expect(admin).toMatchObject({ status: 500, body: { error: expect.any(String), message: expect.any(String) } });
    const models = await api.get('/v1/models', { authorization: `Bearer ${virtual_key.secret}` });
    expect(models).toMatchObject({ status: 429, body: { error: { type: expect.any(String), code: expect.any(String), message: expect.any(String) } } });
  });

  it('network_error drops the connection without effect; drop_response drops it after the effect', async () => {
    await api.post('/__mock/faults', { operation_id: 'postApiV1KeysByIdRevoke', network_error: true });
    await expect(vineRevoke()).rejects.toThrow();
    await api.post('/__mock/faults', { operation_id: 'postApiV1KeysByIdRevoke', drop_response: true });
    await expect(vineRevoke()).rejects.toThrow();
    const { body } = await api.get('/__mock/requests');
    expect(body.vine.map((entry: { status: number }) => entry.status)).toEqual([0, 0]);
    // The dropped response's revoke did happen: the key's revokedAt is from then.
    const after = await vineRevoke();
    expect(Date.parse(after.body.key.revokedAt)).toBeLessThanOrEqual(Date.parse(body.vine[1].at));
  });

  it('delay_ms holds the answer back', async () => {
    await api.post('/__mock/faults', { operation_id: 'postApiV1KeysByIdRevoke', delay_ms: 150 });
    const started = performance.now();
    expect((await vineRevoke()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('DELETE /__mock/faults → 204 and nothing pending; a reset clears them too', async () => {
    await api.post('/__mock/faults', { operation_id: 'postApiV1KeysByIdRevoke', status: 500 });
    expect((await api.send('DELETE', '/__mock/faults')).status).toBe(204);
    expect((await vineRevoke()).status).toBe(200);
    await api.post('/__mock/faults', { operation_id: 'postApiV1KeysByIdRevoke', status: 500 });
    await api.post('/__mock/reset');
    expect((await api.get('/__mock/faults')).body).toEqual({ faults: [] });
  });

  it.each([
    [{}, 'operation_id', /required/],
    [{ operation_id: 'revokeKey' }, 'operation_id', /unknown operation_id "revokeKey": expected one of .*postApiV1KeysByIdRevoke/],
    [{ operation_id: 7 }, 'operation_id', /string/],
    [{ operation_id: 'revokeApiKey', status: 200 }, 'status', /400 to 599/],
    [{ operation_id: 'revokeApiKey', status: '500' }, 'status', /integer/],
    [{ operation_id: 'revokeApiKey', delay_ms: -5 }, 'delay_ms', /0 to 600000/],
    [{ operation_id: 'revokeApiKey', delay_ms: 600_001 }, 'delay_ms', /0 to 600000/],
    [{ operation_id: 'revokeApiKey', times: 0 }, 'times', /1 to/],
    [{ operation_id: 'revokeApiKey', network_error: 'yes' }, 'network_error', /true or false/],
    [{ operation_id: 'revokeApiKey', drop_response: 1 }, 'drop_response', /true or false/],
    [{ operation_id: 'revokeApiKey', headers: { 'retry-after': 1 } }, 'headers', /string values/],
    [{ operation_id: 'revokeApiKey', headers: { 'bad name': 'x' } }, 'headers.bad name', /not a valid header name/],
    [{ operation_id: 'revokeApiKey', headers: { 'x-a': 'line\nbreak' } }, 'headers.x-a', /not allowed/],
    [{ operation_id: 'revokeApiKey', headers: { 'content-length': '1' } }, 'headers.content-length', /frames the response/],
    [{ operation_id: 'revokeApiKey', status: 500, network_error: true }, 'status', /exclude/],
    [{ operation_id: 'revokeApiKey', speed: 1 }, 'speed', /unknown field/],
  ])('%j → 400 naming %s, nothing queued', async (body, field, message) => {
    await badField('/__mock/faults', body, field, message);
    expect((await api.get('/__mock/faults')).body).toEqual({ faults: [] });
  });
});
