// The HTTP server as a fuzz target: createMockServer on port 0, raw node:http requests (every
// byte of method, target and headers as the step says), the control plane for clock, resets,
// creates and faults, and the request log captured line by line.
import { Agent, request } from 'node:http';
import { expect } from 'vitest';
import { createMockServer, type MockServer } from '@revokit/mock/server';
import { iso } from './answer.js';
import type { WireRequest } from './requests.js';
import { MANAGE, SEED_PLAN, seededBindings, type CreateInput, type Created, type FuzzTarget, type JournalView, type Outcome, type Reply, type SideText } from './target.js';
import type { BadClock, BadCreate } from './steps.js';
import type { Baseline, Family, Settings } from './world.js';

const BIG = Buffer.alloc(3 * 1024 * 1024 + 1, 'x');
const SESSIONS = ['fz-1', 'fz-2'];

/** `liveSessions`: that many sessions are created at start and stay alive all run (what a request costs must not depend on them). */
export async function startHttpTarget(name: string, settings: Settings, { liveSessions = 0 } = {}): Promise<FuzzTarget & { close(): Promise<void> }> {
  const logLines: string[] = [];
  const server: MockServer = createMockServer({
    ...settings,
    clock: 'frozen',
    demo: false,
    seed: SEED_PLAN,
    log: 'json',
    writeLogLine: (line) => logLines.push(line),
    maxSessions: liveSessions + SESSIONS.length,
    sessionTtlMs: 3_600_000,
  });
  const url = new URL(await server.listen({ port: 0 }));
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let requests = 0;
  let logsRead = 0;
  let credentialsMade = 0;

  const send = (wire: WireRequest): Promise<Outcome> =>
    new Promise((resolve) => {
      requests += 1;
      const headers: Record<string, string | number> = { ...wire.headers };
      if (wire.big && !wire.big.chunked) headers['content-length'] = wire.big.bytes;
      else if (wire.body !== undefined) headers['content-length'] = Buffer.byteLength(wire.body);
      // Non-ASCII goes out as its raw UTF-8 bytes (node writes the request line as latin1).
      const path = Buffer.from(wire.target, 'utf8').toString('latin1');
      const req = request({ host: url.hostname, port: url.port, method: wire.method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: flatHeaders(res.headers), text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => resolve({ networkError: error.message }));
      });
      req.on('error', (error) => resolve({ networkError: error.message }));
      // Bodies as bytes: node would otherwise send the head in the body's encoding (UTF-8), not header bytes as given.
      if (wire.big) req.end(BIG.subarray(0, wire.big.bytes));
      else req.end(wire.body === undefined ? undefined : Buffer.from(wire.body, 'utf8'));
    });

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply & { json: any }> => {
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const outcome = await send({ method, plane: 'api', target: path, headers: { ...(text !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, body: text, sensitive: false });
    if (!('status' in outcome)) throw new Error(`control plane ${method} ${path}: ${JSON.stringify(outcome)}`);
    return { ...outcome, json: outcome.text ? JSON.parse(outcome.text) : undefined };
  };

  for (let i = 0; i < liveSessions; i++) expect((await call('GET', '/__mock/clock', undefined, { 'x-revokit-session': `live-${i}` })).status).toBe(200);
  expect(server.sessions.size).toBe(liveSessions);

  const setClock = async (body: object, to: number) => {
    const reply = await call('POST', '/__mock/clock', body);
    expect([reply.status, reply.json.now, reply.json.frozen], `clock ${JSON.stringify(body)}`).toEqual([200, iso(to), true]);
  };

  const credentials = server.credentials;
  // What the seed plan made, as the control plane lists it: ids, secrets and instants only the mock can tell.
  const listed = async (path: string, field: string) => (await call('GET', path)).json[field] as any[];
  const organizationId: string = (await listed('/__mock/langwatch/projects', 'projects'))[0].organization_id;
  const baseline: Baseline = {
    organizationId,
    projects: [{ id: credentials.project.id, apiKey: credentials.project.apiKey }, ...credentials.seeded.projects.map((p) => ({ id: p.id, apiKey: p.api_key }))],
    providerCredentials: (await listed('/__mock/langwatch/provider-credentials', 'provider_credentials')).map((c) => ({ id: c.id, projectId: c.project_id, disabled: c.disabled_at !== null })),
    virtualKeys: (await listed('/__mock/langwatch/virtual-keys', 'virtual_keys')).map(({ virtual_key: view, project_id, secret }) => ({
      id: view.id,
      projectId: project_id,
      name: view.name,
      description: view.description,
      environment: view.environment,
      principalUserId: view.principal_user_id,
      providerCredentialIds: view.provider_credential_ids,
      createdAt: Date.parse(view.created_at),
      secret,
    })),
    apiKeys: credentials.seeded.api_keys.map((k, i) => {
      const permissions = [...(SEED_PLAN.langwatch.api_keys[i]!.permissions ?? [MANAGE])];
      return { id: k.id, token: k.token, name: 'Test API key', description: null, role: k.role as 'admin' | 'member', owner: k.owner_user_id, permissions, bindings: seededBindings(permissions, organizationId), createdAt: 0 };
    }),
    vineKeys: credentials.seeded.vine_keys.map((k) => ({ id: k.id, name: k.name, plaintext: k.plaintext })),
  };
  const createdAt = new Map((await listed('/__mock/langwatch/api-keys', 'api_keys')).map((k) => [k.id, Date.parse(k.created_at)]));
  for (const key of baseline.apiKeys) key.createdAt = createdAt.get(key.id)!;

  return {
    transport: 'http',
    name,
    settings,
    baseline,
    get requests() {
      return requests;
    },
    baseUrl: () => url.origin,
    send,
    async begin() {
      for (const session of SESSIONS) expect([204, 404]).toContain((await call('DELETE', `/__mock/sessions/${session}`)).status);
      logsRead = logLines.length;
    },
    async reset(at) {
      expect((await call('POST', '/__mock/reset')).status).toBe(204);
      const clock = (await call('GET', '/__mock/clock')).json;
      expect(clock.frozen, 'a reset restores the frozen clock').toBe(true);
      expect(Math.abs(clock.offset_ms), 'a reset sets the offset back to zero').toBeLessThan(60_000);
      const shown = (await call('GET', '/__mock/credentials')).json;
      expect(shown.project.api_key, 'the same credentials after a reset').toBe(baseline.projects[0]!.apiKey);
      await setClock({ now: iso(at) }, at);
    },
    async clock(to, how, from) {
      await setClock(how === 'advance' && to >= from ? { advance_ms: to - from } : { now: iso(to) }, to);
    },
    async badClock(kind, now) {
      const reply = await call('POST', '/__mock/clock', BAD_CLOCK[kind](now));
      expect([reply.status, reply.json.error], `clock ${kind}`).toEqual([400, 'bad_request']);
      if (kind !== 'notJson') expect(reply.json.field).toBe(BAD_CLOCK_FIELD[kind]);
    },
    async create(input) {
      const paths = { project: 'projects', vk: 'virtual-keys', admin: 'api-keys', vine: 'keys', credential: 'provider-credentials' } as const;
      const family = input.what === 'vine' ? 'vine' : 'langwatch';
      const body = input.what === 'credential' ? { ...snakeBody(input), slot: `slot-${++credentialsMade}` } : snakeBody(input);
      const reply = await call('POST', `/__mock/${family}/${paths[input.what]}`, body);
      expect(reply.status, `create ${JSON.stringify(input)}: ${reply.text}`).toBe(201);
      return createdOf(input.what, reply.json);
    },
    async badCreate(kind) {
      const [path, body, field] = BAD_CREATE[kind];
      const reply = await call('POST', path, body);
      expect([reply.status, reply.json.error], `${kind}: ${reply.text}`).toEqual([400, 'bad_request']);
      expect(reply.json.field).toBe(field);
    },
    async fault(operationId, { status, network, times }) {
      const body = { operation_id: operationId, ...(network ? { network_error: true } : { status }), times };
      const reply = await call('POST', '/__mock/faults', body);
      expect([reply.status, reply.json], `fault ${JSON.stringify(body)}`).toEqual([201, body]);
    },
    async clearFaults() {
      expect((await call('DELETE', '/__mock/faults')).status).toBe(204);
    },
    async journal() {
      const body = (await call('GET', '/__mock/requests')).json;
      const view = (entries: any[]): JournalView[] => entries.map((e) => ({ method: e.method, url: e.url, operationId: e.operation_id, status: e.status, at: e.at }));
      return { langwatch: view(body.langwatch), vine: view(body.vine) } as Record<Family, JournalView[]>;
    },
    async inventory() {
      const virtualKeys = (await call('GET', '/__mock/langwatch/virtual-keys')).json.virtual_keys as any[];
      const apiKeys = (await call('GET', '/__mock/langwatch/api-keys')).json.api_keys as any[];
      const vineKeys = (await call('GET', '/__mock/vine/keys')).json.keys as any[];
      const providerCredentials = (await call('GET', '/__mock/langwatch/provider-credentials')).json.provider_credentials as any[];
      return {
        virtualKeys: virtualKeys.map((k) => ({
          id: k.virtual_key.id,
          name: k.virtual_key.name,
          description: k.virtual_key.description,
          providerCredentialIds: k.virtual_key.provider_credential_ids,
          secret: k.secret,
          previous: k.previous_secret && { secret: k.previous_secret.secret, until: k.previous_secret.valid_until },
          revokedAt: k.revoked_at,
          revision: k.virtual_key.revision,
          lastUsedAt: k.virtual_key.last_used_at,
          propagatesAt: k.propagates_at,
          rotations: k.rotations.map((r: any) => ({ at: r.at, graceUntil: r.grace_until })),
        })),
        apiKeys: apiKeys.map((k) => ({
          id: k.id,
          token: k.token,
          name: k.name,
          description: k.description,
          role: k.role,
          permissions: k.permissions,
          bindings: k.role_bindings.map((b: any) => ({ role: b.role, scopeType: b.scope_type, scopeId: b.scope_id })),
          owner: k.owner_user_id,
          expiresAt: k.expires_at,
          lastUsedAt: k.last_used_at,
          revokedAt: k.revoked_at,
        })),
        vineKeys: vineKeys.map((k) => ({ id: k.id, name: k.name, plaintext: k.plaintext, revokedAt: k.revokedAt })),
        providerCredentials: providerCredentials.map((c) => ({ id: c.id, projectId: c.project_id, disabledAt: c.disabled_at })),
      };
    },
    async sideTexts() {
      const texts: SideText[] = [];
      for (const session of SESSIONS) texts.push({ where: `journal of session ${session}`, text: (await call('GET', '/__mock/requests', undefined, { 'x-revokit-session': session })).text });
      for (const line of logLines.slice(logsRead)) texts.push({ where: 'request log', text: line });
      logsRead = logLines.length;
      return texts;
    },
    async alive() {
      const health = await call('GET', '/__mock/health');
      expect([health.status, health.json]).toEqual([200, { ok: true }]);
      await call('POST', '/__mock/reset');
      const models = await send({ method: 'GET', plane: 'gateway', target: '/v1/models', headers: { authorization: `Bearer ${baseline.virtualKeys[0]!.secret}` }, sensitive: false });
      expect('status' in models && models.status, 'a valid request after the run').toBe(200);
    },
    async close() {
      agent.destroy();
      await server.close();
    },
  };
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
}

function snakeBody(input: CreateInput): Record<string, unknown> {
  const { what: _what, ...fields } = input;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
}

function createdOf(what: CreateInput['what'], body: any): Created {
  switch (what) {
    case 'project':
      return { what, id: body.id, apiKey: body.api_key, providerCredentialId: body.provider_credential_id };
    case 'credential':
      return { what, id: body.id, projectId: body.project_id, disabledAt: body.disabled_at };
    case 'vk':
      return { what, id: body.virtual_key.id, secret: body.secret, view: body.virtual_key };
    case 'admin':
      return { what, id: body.id, token: body.token, role: body.role, owner: body.owner_user_id };
    case 'vine':
      return { what, ...body.key };
  }
}

const BAD_CLOCK: Record<BadClock, (now: number) => unknown> = {
  negative: () => ({ advance_ms: -1 }),
  fraction: () => ({ advance_ms: 1.5 }),
  year: () => ({ now: '2030' }),
  feb30: () => ({ now: '2030-02-30T00:00:00Z' }),
  noOffset: (now) => ({ now: iso(now).slice(0, -1) }),
  empty: () => ({}),
  both: (now) => ({ advance_ms: 1, now: iso(now) }),
  notJson: () => '{"advance_ms":',
  frozenString: () => ({ frozen: 'yes' }),
};

const BAD_CLOCK_FIELD: Record<Exclude<BadClock, 'notJson'>, string> = {
  negative: 'advance_ms',
  fraction: 'advance_ms',
  year: 'now',
  feb30: 'now',
  noOffset: 'now',
  empty: 'body',
  both: 'now',
  frozenString: 'frozen',
};

const BAD_CREATE: Record<BadCreate, [string, unknown, string | undefined]> = {
  vkEnvironment: ['/__mock/langwatch/virtual-keys', { environment: 'prod' }, 'environment'],
  vkProject: ['/__mock/langwatch/virtual-keys', { project_id: 'project_nope' }, 'project_id'],
  adminRole: ['/__mock/langwatch/api-keys', { role: 'owner' }, 'role'],
  adminPermissions: ['/__mock/langwatch/api-keys', { permissions: 'organization:manage' }, 'permissions'],
  vineEnv: ['/__mock/vine/keys', { env: 'prod' }, 'env'],
  unknownField: ['/__mock/langwatch/virtual-keys', { nope: 1 }, 'nope'],
  notJson: ['/__mock/vine/keys', '{"name":', undefined],
};
