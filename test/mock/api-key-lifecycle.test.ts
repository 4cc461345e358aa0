// GET and POST /api/api-keys (issue 18): the real visibility rule, permission, body rules and checks,
// in the real order, over HTTP through MSW, every answer checked against the spec.
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

const URL = 'https://app.langwatch.ai/api/api-keys';
const list = (token: string) => fetchJson(URL, { headers: { authorization: `Bearer ${token}` } });
const create = (token: string | undefined, body: unknown, contentType = 'application/json') =>
  fetchJson(URL, { method: 'POST', headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const organizationId = () => mock.snapshot().organizationId;
const orgAdmin = () => [{ role: 'ADMIN', scopeType: 'ORGANIZATION', scopeId: organizationId() }];
const ids = (reply: { body: { data: Array<{ id: string }> } }) => reply.body.data.map((key) => key.id);

describe('create (POST /api/api-keys)', () => {
  it('answers 201 { token, apiKey: { id, name, createdAt } }: token sk-lw-{16}_{48}, row id unrelated to it', async () => {
    const caller = mock.seed.apiKey();
    const reply = await create(caller.token, { name: 'ci', bindings: orgAdmin() });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      token: expect.stringMatching(/^sk-lw-[A-Za-z0-9]{16}_[A-Za-z0-9]{48}$/),
      apiKey: { id: expect.stringMatching(/^[A-Za-z0-9]{21}$/), name: 'ci', createdAt: new Date(mock.clock.now()).toISOString() },
    });
    expect(reply.body.token).not.toContain(reply.body.apiKey.id);
  });

  it('makes a token that authenticates at once and appears in the list', async () => {
    const caller = mock.seed.apiKey();
    const { token, apiKey } = (await create(caller.token, { name: 'fresh', bindings: orgAdmin() })).body;
    const listed = await list(token);
    expect(listed.status).toBe(200);
    expect(ids(listed)).toContain(apiKey.id);
  });

  it('gives a service key without bindings organization-wide ADMIN, and a service key with projectIds ADMIN on each project', async () => {
    const caller = mock.seed.apiKey();
    const orgWide = (await create(caller.token, { name: 'svc', keyType: 'service' })).body.apiKey;
    const project = mock.defaultProject.id;
    const scoped = (await create(caller.token, { name: 'svc2', keyType: 'service', projectIds: [project] })).body.apiKey;
    const byId = new Map((await list(caller.token)).body.data.map((key: { id: string }) => [key.id, key]));
    expect(byId.get(orgWide.id)).toMatchObject({ roleBindings: [{ id: expect.any(String), role: 'ADMIN', scopeType: 'ORGANIZATION', scopeId: organizationId() }] });
    expect(byId.get(scoped.id)).toMatchObject({ roleBindings: [{ role: 'ADMIN', scopeType: 'PROJECT', scopeId: project }] });
  });

  it('checks in the real order: credentials (401), organization:manage (403), the body (422), then the bindings (403)', async () => {
    const weak = mock.seed.apiKey({ permissions: ['organization:view'] });
    const strong = mock.seed.apiKey();
    expect((await create(undefined, {})).status).toBe(401);
    expect((await create(weak.token, {})).body).toEqual({ error: 'Forbidden', message: 'Insufficient permissions. Required: organization:manage' });
    expect((await create(strong.token, {})).body).toEqual({ error: 'Unprocessable Entity', message: 'Required', path: ['name'] });
    const scope = await create(strong.token, { name: 'x', bindings: [{ role: 'VIEWER', scopeType: 'PROJECT', scopeId: 'project_nope' }] });
    expect(scope.status).toBe(403);
    expect(scope.body).toEqual({ error: 'Forbidden', message: 'Project project_nope not found or archived' });
  });

  it.each([
    ['personal keys need bindings', { name: 'k' }, 'bindings are required for personal keys', ['bindings']],
    ['projectIds are for service keys', { name: 'k', bindings: [{ role: 'VIEWER', scopeType: 'PROJECT', scopeId: 'p' }], projectIds: ['p'] }, 'projectIds is only supported for service keys; use bindings instead', ['projectIds']],
    ['a name of at most 100 characters', { name: 'n'.repeat(101), keyType: 'service' }, 'String must contain at most 100 character(s)', ['name']],
    ['a date', { name: 'k', keyType: 'service', expiresAt: 'tomorrow' }, 'Invalid date', ['expiresAt']],
    ['a built-in role', { name: 'k', bindings: [{ role: 'CUSTOM', scopeType: 'PROJECT', scopeId: 'p' }] }, "Invalid enum value. Expected 'ADMIN' | 'MEMBER' | 'VIEWER', received 'CUSTOM'", ['bindings', 0, 'role']],
    ['a body that is an object', null, 'Expected object, received null', []],
  ])('answers 422 with the first issue: %s', async (_rule, body, message, path) => {
    const reply = await create(mock.seed.apiKey().token, body);
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({ error: 'Unprocessable Entity', message, path });
  });

  it('reads a body sent without a JSON Content-Type as {}, as Hono does', async () => {
    expect((await create(mock.seed.apiKey().token, { name: 'k', keyType: 'service' }, 'text/plain')).body).toEqual({ error: 'Unprocessable Entity', message: 'Required', path: ['name'] });
  });

  it('answers 422 for JSON that does not parse (the spec-era route answered 500)', async () => {
    const reply = await create(mock.seed.apiKey().token, '{"name":');
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({ error: 'Unprocessable Entity', message: 'Malformed JSON in request body' });
  });

  it.each([
    ['an organization other than the mock\'s', { role: 'ADMIN', scopeType: 'ORGANIZATION', scopeId: 'org_other' }, "Organization scope must match the API key's organization"],
    ['a team (the mock has none)', { role: 'MEMBER', scopeType: 'TEAM', scopeId: 'team_1' }, 'Team team_1 not found in this organization'],
  ])('refuses a binding on %s with 403', async (_what, binding, message) => {
    const reply = await create(mock.seed.apiKey().token, { name: 'k', keyType: 'service', bindings: [binding] });
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ error: 'Forbidden', message });
  });

  it('caps a personal key by its creator\'s own access: a member may not grant ADMIN, nor VIEWER at the organization', async () => {
    const member = mock.seed.apiKey({ role: 'member' });
    const project = mock.defaultProject.id;
    for (const [binding, where] of [
      [{ role: 'ADMIN', scopeType: 'ORGANIZATION', scopeId: organizationId() }, `org:${organizationId()}`],
      [{ role: 'ADMIN', scopeType: 'PROJECT', scopeId: project }, `project:${project}`],
      [{ role: 'VIEWER', scopeType: 'ORGANIZATION', scopeId: organizationId() }, `org:${organizationId()}`],
    ] as const) {
      const reply = await create(member.token, { name: 'k', bindings: [binding] });
      expect(reply.status).toBe(403);
      expect(reply.body).toEqual({ error: 'Forbidden', message: `Cannot create API key with ${binding.role} permissions — exceeds your own access at ${where}` });
    }
    expect((await create(member.token, { name: 'ok', bindings: [{ role: 'MEMBER', scopeType: 'PROJECT', scopeId: project }, { role: 'MEMBER', scopeType: 'ORGANIZATION', scopeId: organizationId() }] })).status).toBe(201);
  });

  it('answers 422 for the same role twice on one scope (the spec-era service answered 500), and creates nothing', async () => {
    const caller = mock.seed.apiKey();
    const before = mock.snapshot().apiKeys.size;
    const twice = [...orgAdmin(), ...orgAdmin()];
    const reply = await create(caller.token, { name: 'k', bindings: twice });
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({ error: 'Unprocessable Entity', message: `Duplicate role binding: ADMIN on ORGANIZATION ${organizationId()}`, path: ['bindings', 1] });
    expect(mock.snapshot().apiKeys.size).toBe(before);
  });

  it('takes a past expiresAt (null is 1970): the key is created and never authenticates', async () => {
    const caller = mock.seed.apiKey();
    for (const expiresAt of [null, '2001-01-01T00:00:00Z']) {
      const { token } = (await create(caller.token, { name: `old ${expiresAt}`, keyType: 'service', expiresAt })).body;
      expect((await list(token)).status).toBe(401);
    }
  });

  it('expires a key after its expiresAt, not at it', async () => {
    const caller = mock.seed.apiKey();
    const expiresAt = mock.clock.now() + 60_000;
    const { token } = (await create(caller.token, { name: 'timed', keyType: 'service', expiresAt: new Date(expiresAt).toISOString() })).body;
    mock.clock.set(expiresAt);
    expect((await list(token)).status).toBe(200);
    mock.clock.set(expiresAt + 1);
    expect((await list(token)).body).toEqual({
      error: 'Unauthorized',
      message: 'Invalid credentials. Organization-level endpoints require an admin API key created in Settings > API Keys. Project API keys cannot be used here.',
    });
  });
});

describe('revoke (DELETE /api/api-keys/{id}) of the keys create makes', () => {
  it('refuses a member any service key (it owns none), as production has since 5ebf89d6f4; an admin may', async () => {
    const member = mock.seed.apiKey({ role: 'member' });
    const service = mock.seed.apiKey({ ownerUserId: null });
    const revoke = (token: string) => fetchJson(`${URL}/${service.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect((await revoke(member.token)).body).toEqual({ error: 'Forbidden', message: 'Not authorized to modify this API Key' });
    expect((await revoke(mock.seed.apiKey({ role: 'admin' }).token)).status).toBe(200);
  });
});

describe('list (GET /api/api-keys)', () => {
  it('shows a personal key\'s user its own keys and every service key, newest first, revoked keys left out', async () => {
    const me = mock.seed.apiKey({ ownerUserId: 'user_me' });
    mock.clock.advance(1);
    const mine = mock.seed.apiKey({ ownerUserId: 'user_me' });
    mock.clock.advance(1);
    const theirs = mock.seed.apiKey({ ownerUserId: 'user_other' });
    mock.clock.advance(1);
    const service = mock.seed.apiKey({ ownerUserId: null });
    mock.clock.advance(1);
    const gone = mock.seed.apiKey({ ownerUserId: 'user_me' });
    await fetchJson(`${URL}/${gone.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${me.token}` } });
    expect(ids(await list(me.token))).toEqual([service.id, mine.id, me.id]);
    // A service key sees every key.
    expect(ids(await list(service.token))).toEqual([service.id, theirs.id, mine.id, me.id]);
  });

  it('answers each key as ApiKeyInfo, expired keys included', async () => {
    const caller = mock.seed.apiKey({ ownerUserId: null });
    const expiresAt = new Date(mock.clock.now() + 1000).toISOString();
    const made = (await create(caller.token, { name: 'soon', description: 'expires', keyType: 'service', expiresAt })).body.apiKey;
    mock.clock.advance(5_000);
    const info = (await list(caller.token)).body.data.find((key: { id: string }) => key.id === made.id);
    expect(info).toEqual({
      id: made.id,
      name: 'soon',
      description: 'expires',
      createdAt: made.createdAt,
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
      roleBindings: [{ id: expect.any(String), role: 'ADMIN', scopeType: 'ORGANIZATION', scopeId: organizationId() }],
    });
  });

  it('needs organization:view: 403 with the real body', async () => {
    const none = mock.seed.apiKey({ permissions: [] });
    const reply = await list(none.token);
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ error: 'Forbidden', message: 'Insufficient permissions. Required: organization:view' });
  });

  it('shows the caller its own previous use: lastUsedAt is written after the answer', async () => {
    const caller = mock.seed.apiKey();
    const own = () => list(caller.token).then((reply) => reply.body.data.find((key: { id: string }) => key.id === caller.id).lastUsedAt);
    const first = mock.clock.now();
    expect(await own()).toBeNull();
    mock.clock.advance(1_000);
    expect(await own()).toBe(new Date(first).toISOString());
  });
});
