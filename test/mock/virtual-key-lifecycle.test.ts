// List, create, get and update virtual keys (issue 18), over HTTP through MSW, every answer
// checked against the spec. Each rule is the spec-era service's (docs/divergences.md).
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLangWatchMock, onUnhandled } from '@revokit/mock';
import { checkEveryResponse } from './support/spec-conformance.js';
import { fetchJson } from './support/fetch-json.js';

const mock = createLangWatchMock({ clock: 'frozen' });
const server = setupServer(...mock.handlers);
checkEveryResponse(server);
beforeAll(() => server.listen(onUnhandled('error')));
afterEach(() => mock.reset());
afterAll(() => server.close());

const API = 'https://app.langwatch.ai/api/gateway/v1/virtual-keys';
const projectKey = () => mock.defaultProject.apiKey;
const credential = () => mock.defaultProject.providerCredentialId;

function call(method: string, path: string, body?: unknown, headers: Record<string, string> = { 'x-auth-token': projectKey() }) {
  return fetchJson(`${API}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}
const create = (body: Record<string, unknown>, headers?: Record<string, string>) => call('POST', '', { provider_credential_ids: [credential()], ...body }, headers);
const zodIssues = (reply: { body: any }) => JSON.parse(reply.body.error.message);

describe('create (POST /virtual-keys)', () => {
  it('answers 201 { virtual_key, secret } in the real formats: lw_vk_{env}_ + ULID, display_prefix its first 18, revision "1"', async () => {
    const reply = await create({ name: 'checkout', description: 'for checkout', environment: 'test', principal_user_id: 'user_1' });
    expect(reply.status).toBe(201);
    const { virtual_key, secret } = reply.body;
    expect(secret).toMatch(/^lw_vk_test_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(virtual_key).toEqual({
      id: expect.stringMatching(/^vk_[A-Za-z0-9_-]{22}$/),
      display_prefix: secret.slice(0, 18),
      name: 'checkout',
      description: 'for checkout',
      environment: 'test',
      status: 'active',
      principal_user_id: 'user_1',
      provider_credential_ids: [credential()],
      revision: '1',
      last_used_at: null,
      created_at: new Date(mock.clock.now()).toISOString(),
    });
  });

  it('defaults environment to live, description and principal to null', async () => {
    const { virtual_key, secret } = (await create({ name: 'minimal' })).body;
    expect(secret).toMatch(/^lw_vk_live_/);
    expect(virtual_key).toMatchObject({ environment: 'live', description: null, principal_user_id: null });
  });

  it('makes a secret the gateway accepts at once', async () => {
    const { virtual_key, secret } = (await create({ name: 'gateway' })).body;
    const models = await fetchJson('https://gateway.langwatch.ai/v1/models', { headers: { authorization: `Bearer ${secret}` } });
    expect(models.status).toBe(200);
    expect(mock.gateway.authenticate(secret)).toEqual({ ok: true, virtualKeyId: virtual_key.id });
  });

  it('keeps the provider credentials in the order sent', async () => {
    const second = mock.seed.providerCredential({ modelProviderName: 'anthropic' });
    expect((await create({ name: 'chain', provider_credential_ids: [second.id, credential()] })).body.virtual_key.provider_credential_ids).toEqual([second.id, credential()]);
  });

  it('answers 400 validation_error with zod 3\'s message for a bad body, all issues listed', async () => {
    const reply = await call('POST', '', { name: '', provider_credential_ids: [], environment: 'prod' });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: { type: 'bad_request', code: 'validation_error', message: expect.any(String) } });
    expect(zodIssues(reply).map((issue: { path: string[]; code: string }) => `${issue.path.join('.')} ${issue.code}`)).toEqual([
      'name too_small',
      'environment invalid_enum_value',
      'provider_credential_ids too_small',
    ]);
    expect(zodIssues(await call('POST', '', {}))).toEqual([
      { code: 'invalid_type', expected: 'string', received: 'undefined', path: ['name'], message: 'Required' },
      { code: 'invalid_type', expected: 'array', received: 'undefined', path: ['provider_credential_ids'], message: 'Required' },
    ]);
  });

  it('takes a name of 1 to 128 characters, exactly', async () => {
    expect((await create({ name: 'x'.repeat(128) })).status).toBe(201);
    expect(zodIssues(await create({ name: 'y'.repeat(129) }))[0].message).toBe('String must contain at most 128 character(s)');
  });

  it('answers 400 malformed_request for a body that is not JSON (the spec-era route answered 500)', async () => {
    for (const body of ['{"name":', '']) {
      const reply = await call('POST', '', body || undefined);
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ error: { type: 'bad_request', code: 'malformed_request', message: 'The request body could not be parsed.' } });
    }
  });

  it('drops unknown fields, snake_case config keys among them, as the service does', async () => {
    const reply = await create({ name: 'extra', scopes: ['x'], config: { model_aliases: { a: 'b' }, cache: { mode: 'force' } } });
    expect(reply.status).toBe(201);
    const listed = await stored(reply.body.virtual_key.id);
    expect(listed.config.modelAliases).toEqual({});
    expect(listed.config.cache).toEqual({ mode: 'force', ttlS: 3600 });
  });

  it('answers 400 for a provider credential the project cannot use: unknown, another project\'s, disabled, or repeated (the spec-era service answered 500)', async () => {
    const other = mock.seed.project();
    const disabled = mock.seed.providerCredential({ slot: 'backup', disabled: true });
    for (const ids of [['pc_unknown'], [other.providerCredentialId], [disabled.id], [credential(), credential()]]) {
      const reply = await create({ name: 'bad chain', provider_credential_ids: ids });
      expect(reply.status, JSON.stringify(ids)).toBe(400);
      expect(reply.body).toEqual({ error: { type: 'bad_request', code: 'bad_request', message: 'One or more provider credentials do not belong to this project or are disabled' } });
    }
    expect(mock.snapshot().virtualKeys.size).toBe(0);
  });

  it('answers 409 Conflict for a name the project already uses, revoked keys included', async () => {
    const first = (await create({ name: 'taken' })).body.virtual_key;
    await call('POST', `/${first.id}/revoke`);
    const again = await create({ name: 'taken' });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: 'Conflict', message: 'Unique constraint violated on projectId, name' });
    // Another project may use it.
    const other = mock.seed.project();
    expect((await create({ name: 'taken', provider_credential_ids: [other.providerCredentialId] }, { 'x-auth-token': other.apiKey })).status).toBe(201);
  });

  it('counts seeded keys\' names too, though seeding itself lets names repeat', async () => {
    mock.seed.virtualKey();
    mock.seed.virtualKey();
    expect((await create({ name: 'Test virtual key' })).status).toBe(409);
  });

  it('ignores Idempotency-Key, as the spec-era route did: the same key twice mints two keys, and a repeated name is a 409, not a replay', async () => {
    const headers = { 'x-auth-token': projectKey(), 'idempotency-key': 'create-checkout-1' };
    const first = await create({ name: 'checkout' }, headers);
    const second = await create({ name: 'checkout-2' }, headers);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.virtual_key.id).not.toBe(first.body.virtual_key.id);
    expect(second.body.secret).not.toBe(first.body.secret);
    expect(second.headers.get('x-idempotent-replay')).toBeNull();
    const replay = await create({ name: 'checkout' }, headers);
    expect(replay.status).toBe(409);
    expect((await call('GET', '')).body.data.map((key: { name: string }) => key.name)).toEqual(['checkout-2', 'checkout']);
  });

  it('checks the provider credentials before the name', async () => {
    await create({ name: 'dup' });
    expect((await create({ name: 'dup', provider_credential_ids: ['nope'] })).status).toBe(400);
  });
});

async function stored(id: string) {
  const key = mock.snapshot().virtualKeys.get(id)!;
  return { config: key.config, revision: key.revision };
}

describe('list (GET /virtual-keys)', () => {
  it('answers { data } newest first, revoked keys included, the caller\'s project only', async () => {
    const a = (await create({ name: 'a' })).body.virtual_key;
    mock.clock.advance(1_000);
    const b = (await create({ name: 'b' })).body.virtual_key;
    mock.clock.advance(1_000);
    const c = (await create({ name: 'c' })).body.virtual_key;
    await call('POST', `/${b.id}/revoke`);
    const other = mock.seed.project();
    mock.seed.virtualKey({ projectId: other.id, name: 'elsewhere' });
    const reply = await call('GET', '');
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body)).toEqual(['data']);
    expect(reply.body.data.map((key: { id: string; status: string }) => `${key.id} ${key.status}`)).toEqual([`${c.id} active`, `${b.id} revoked`, `${a.id} active`]);
  });

  it('orders keys made at the same instant in reverse order of creation', async () => {
    const ids = [];
    for (const name of ['first', 'second', 'third']) ids.push((await create({ name })).body.virtual_key.id);
    expect((await call('GET', '')).body.data.map((key: { id: string }) => key.id)).toEqual(ids.reverse());
  });

  it('orders by creation time even when the clock was set back', async () => {
    const late = (await create({ name: 'late' })).body.virtual_key;
    mock.clock.set(mock.clock.now() - 60_000);
    const early = (await create({ name: 'early' })).body.virtual_key;
    expect((await call('GET', '')).body.data.map((key: { id: string }) => key.id)).toEqual([late.id, early.id]);
  });

  it('shows the shared revision: "2" after a rotation, "3" after an update', async () => {
    const { id } = (await create({ name: 'r' })).body.virtual_key;
    await call('POST', `/${id}/rotate`);
    expect((await call('GET', '')).body.data[0].revision).toBe('2');
    await call('PATCH', `/${id}`, {});
    expect((await call('GET', '')).body.data[0].revision).toBe('3');
  });

  it('is empty for a project without keys', async () => {
    expect((await call('GET', '')).body).toEqual({ data: [] });
  });
});

describe('get (GET /virtual-keys/{id})', () => {
  it('answers { virtual_key }, revoked keys readable', async () => {
    const { id } = (await create({ name: 'g' })).body.virtual_key;
    await call('POST', `/${id}/revoke`);
    const reply = await call('GET', `/${id}`);
    expect(reply.status).toBe(200);
    expect(reply.body.virtual_key).toMatchObject({ id, status: 'revoked', revision: '2' });
  });

  it('answers the nested 404 virtual_key_not_found for an unknown id and another project\'s key', async () => {
    const other = mock.seed.project();
    const elsewhere = mock.seed.virtualKey({ projectId: other.id });
    for (const id of ['vk_nope', elsewhere.virtual_key.id, '%2F']) {
      const reply = await call('GET', `/${id}`);
      expect(reply.status, id).toBe(404);
      expect(reply.body).toEqual({ error: { type: 'not_found', code: 'virtual_key_not_found', message: 'virtual key not found' } });
    }
  });
});

describe('update (PATCH /virtual-keys/{id})', () => {
  it('changes name, description and chain, revision +1, secret and display prefix untouched', async () => {
    const made = (await create({ name: 'before', description: 'old' })).body;
    const second = mock.seed.providerCredential({ modelProviderName: 'anthropic' });
    const reply = await call('PATCH', `/${made.virtual_key.id}`, { name: 'after', description: 'new', provider_credential_ids: [second.id] });
    expect(reply.status).toBe(200);
    expect(reply.body.virtual_key).toEqual({ ...made.virtual_key, name: 'after', description: 'new', provider_credential_ids: [second.id], revision: '2' });
    expect(mock.gateway.authenticate(made.secret).ok).toBe(true);
  });

  it('bumps the revision for an empty patch too', async () => {
    const { id } = (await create({ name: 'empty' })).body.virtual_key;
    expect((await call('PATCH', `/${id}`, {})).body.virtual_key.revision).toBe('2');
  });

  it('cannot clear a description: null and an omitted description keep it, "" sets it', async () => {
    const { id } = (await create({ name: 'd', description: 'kept' })).body.virtual_key;
    expect((await call('PATCH', `/${id}`, { description: null })).body.virtual_key.description).toBe('kept');
    expect((await call('PATCH', `/${id}`, { name: 'd2' })).body.virtual_key.description).toBe('kept');
    expect((await call('PATCH', `/${id}`, { description: '' })).body.virtual_key.description).toBe('');
  });

  it('merges config one level deep: a section sent replaces the stored one, with its defaults', async () => {
    const { id } = (await create({ name: 'cfg', config: { cache: { mode: 'force', ttlS: 60 }, rateLimits: { rpm: 10 } } })).body.virtual_key;
    await call('PATCH', `/${id}`, { config: { cache: { mode: 'disable' } } });
    const { config } = await stored(id);
    expect(config.cache).toEqual({ mode: 'disable', ttlS: 3600 });
    expect(config.rateLimits).toEqual({ rpm: 10, tpm: null, rpd: null });
  });

  it('ignores environment and principal_user_id, which cannot change', async () => {
    const { id } = (await create({ name: 'fixed', environment: 'test' })).body.virtual_key;
    expect((await call('PATCH', `/${id}`, { environment: 'live', principal_user_id: 'user_x' })).body.virtual_key).toMatchObject({ environment: 'test', principal_user_id: null, revision: '2' });
  });

  it('refuses a revoked key with the spec\'s 400 (the spec-era service answered 500), revision unchanged', async () => {
    const { id } = (await create({ name: 'gone' })).body.virtual_key;
    await call('POST', `/${id}/revoke`);
    const reply = await call('PATCH', `/${id}`, { name: 'x' });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: { type: 'bad_request', code: 'bad_request', message: 'Cannot update a revoked virtual key' } });
    expect((await stored(id)).revision).toBe(2);
  });

  it('answers the flat 404 that revoke sends for an unknown id and another project\'s key', async () => {
    const other = mock.seed.project();
    const elsewhere = mock.seed.virtualKey({ projectId: other.id });
    for (const id of ['vk_nope', elsewhere.virtual_key.id]) {
      const reply = await call('PATCH', `/${id}`, { name: 'x' });
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ error: 'Virtual key not found', message: 'Virtual key not found' });
    }
  });

  it('checks the body before the key: a bad body on an unknown id is a 400', async () => {
    expect((await call('PATCH', '/vk_nope', { name: '' })).status).toBe(400);
  });

  it('answers 409 for another key\'s name; its own name is fine', async () => {
    await create({ name: 'one' });
    const { id } = (await create({ name: 'two' })).body.virtual_key;
    expect((await call('PATCH', `/${id}`, { name: 'one' })).status).toBe(409);
    expect((await call('PATCH', `/${id}`, { name: 'two' })).status).toBe(200);
  });

  it('answers 400 for a chain the project cannot use, and changes nothing', async () => {
    const { id } = (await create({ name: 'chain' })).body.virtual_key;
    expect((await call('PATCH', `/${id}`, { name: 'renamed', provider_credential_ids: ['nope'] })).status).toBe(400);
    expect((await call('GET', `/${id}`)).body.virtual_key).toMatchObject({ name: 'chain', revision: '1' });
  });
});

describe('admin API keys on the virtual-key routes', () => {
  const bearer = (token: string, projectId?: string) => ({ authorization: `Bearer ${token}`, ...(projectId ? { 'x-project-id': projectId } : {}) });

  it('work with a project named by X-Project-Id or by the Basic user part', async () => {
    const admin = mock.seed.apiKey();
    const project = mock.defaultProject.id;
    expect((await create({ name: 'by admin' }, bearer(admin.token, project))).status).toBe(201);
    const basic = { authorization: `Basic ${btoa(`${project}:${admin.token}`)}` };
    expect((await call('GET', '', undefined, basic)).body.data).toHaveLength(1);
  });

  it('answer 401 "Invalid credentials" without a project, or for a project that does not exist', async () => {
    const admin = mock.seed.apiKey();
    for (const headers of [bearer(admin.token), bearer(admin.token, 'project_nope'), { 'x-auth-token': admin.token }]) {
      const reply = await call('GET', '', undefined, headers);
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ error: 'Unauthorized', message: 'Invalid credentials' });
    }
  });

  it('need the route\'s permission on the project: 403 "API Key does not grant required permission"', async () => {
    const project = mock.defaultProject.id;
    const viewer = mock.seed.apiKey({ bindings: [{ role: 'VIEWER', scopeType: 'PROJECT', scopeId: project }] });
    expect((await call('GET', '', undefined, bearer(viewer.token, project))).status).toBe(200);
    const denied = await create({ name: 'no' }, bearer(viewer.token, project));
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ error: 'Forbidden', message: 'API Key does not grant required permission: virtualKeys:create' });
    // A PROJECT binding grants nothing on another project.
    const other = mock.seed.project();
    expect((await call('GET', '', undefined, bearer(viewer.token, other.id))).status).toBe(403);
  });

  it('are capped by their user\'s access: a member\'s key may not revoke (virtualKeys:delete), a service key may', async () => {
    const project = mock.defaultProject.id;
    const { virtual_key } = mock.seed.virtualKey();
    const member = mock.seed.apiKey({ role: 'member' });
    const denied = await call('POST', `/${virtual_key.id}/revoke`, undefined, bearer(member.token, project));
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('API Key does not grant required permission: virtualKeys:delete');
    expect((await call('POST', `/${virtual_key.id}/rotate`, undefined, bearer(member.token, project))).status).toBe(200);
    const service = mock.seed.apiKey({ role: 'member', ownerUserId: null });
    expect((await call('POST', `/${virtual_key.id}/revoke`, undefined, bearer(service.token, project))).status).toBe(200);
  });

  it('record lastUsedAt after a 2xx only', async () => {
    const admin = mock.seed.apiKey();
    const used = () => mock.snapshot().apiKeys.get(admin.id)!.lastUsedAt;
    await call('GET', '/vk_nope', undefined, bearer(admin.token, mock.defaultProject.id));
    expect(used()).toBeNull();
    mock.clock.advance(5);
    await call('GET', '', undefined, bearer(admin.token, mock.defaultProject.id));
    expect(used()).toBe(mock.clock.now());
  });

  it('project keys pass every permission check', async () => {
    const { virtual_key } = mock.seed.virtualKey();
    expect((await call('POST', `/${virtual_key.id}/revoke`)).status).toBe(200);
  });
});
