// A step's request on the wire (method, target, headers, body), built from the step and the
// model's world, and the same request as the mock will read it (ModelRequest).
import type { ModelRequest } from './answer.js';
import { mangle, resolve, type CredentialRef } from './credentials.js';
import { gatewaySecret } from './gateway-rules.js';
import { CONTROL_ROUTES, INDEX_PATHS, UI_PAGES, type Plane } from './routes.js';
import type { AdminBody, BindingChoice, Credentials, Extras, JunkPath, ProjectHeader, Scheme, Step, Target, VineBody, VkBody } from './steps.js';
import type { World } from './world.js';

export interface WireRequest {
  method: string;
  plane: Plane;
  /** Path and query as the step means them (HTTP sends non-ASCII as raw UTF-8, fetch percent-encodes it). */
  target: string;
  headers: Record<string, string>;
  body?: string;
  /** A body of this many bytes (the size limit's steps), announced by Content-Length or chunked. */
  big?: { bytes: number; chunked: boolean };
  /** The path or query carries a credential. */
  sensitive: boolean;
}

export const MiB = 1024 * 1024;
const BIG_BYTES = { limit: MiB, over: MiB + 1, far: 3 * MiB } as const;

type RequestStep = Extract<Step, { x: Extras }>;

export function wireRequestOf(world: World, step: RequestStep): WireRequest {
  const base = baseRequest(world, step);
  return withExtras(world, base, step.x);
}

function baseRequest(world: World, step: RequestStep): WireRequest {
  const json = { 'content-type': 'application/json' };
  switch (step.t) {
    case 'vk': {
      const id = idFor(world, 'vk', step.target);
      return { method: 'POST', plane: 'api', target: `/api/gateway/v1/virtual-keys/${id.id}/${step.op}`, headers: withProject(world, headersOf(world, step.auth, keyProjectOf(world, step.target)), step.pid), sensitive: id.sensitive };
    }
    case 'vkList':
      return { method: 'GET', plane: 'api', target: '/api/gateway/v1/virtual-keys', headers: withProject(world, headersOf(world, step.auth), step.pid), sensitive: false };
    case 'vkGet': {
      const id = idFor(world, 'vk', step.target);
      return { method: 'GET', plane: 'api', target: `/api/gateway/v1/virtual-keys/${id.id}`, headers: withProject(world, headersOf(world, step.auth, keyProjectOf(world, step.target)), step.pid), sensitive: id.sensitive };
    }
    case 'vkCreate':
      return { method: 'POST', plane: 'api', target: '/api/gateway/v1/virtual-keys', headers: { ...json, ...withProject(world, headersOf(world, step.auth), step.pid) }, body: vkBody(world, step.body), sensitive: false };
    case 'vkUpdate': {
      const id = idFor(world, 'vk', step.target);
      const headers = { ...json, ...withProject(world, headersOf(world, step.auth, keyProjectOf(world, step.target)), step.pid) };
      return { method: 'PATCH', plane: 'api', target: `/api/gateway/v1/virtual-keys/${id.id}`, headers, body: vkBody(world, step.body), sensitive: id.sensitive };
    }
    case 'adminList':
      return { method: 'GET', plane: 'api', target: '/api/api-keys', headers: headersOf(world, step.auth), sensitive: false };
    case 'adminCreate': {
      const contentType = step.body === 'textPlain' ? 'text/plain' : 'application/json';
      return { method: 'POST', plane: 'api', target: '/api/api-keys', headers: { 'content-type': contentType, ...headersOf(world, step.auth) }, body: adminBody(world, step.body), sensitive: false };
    }
    case 'vineCreate':
      return { method: 'POST', plane: 'vine', target: '/api/v1/keys', headers: json, body: vineBody(world, step.body), sensitive: false };
    case 'admin': {
      const id = idFor(world, 'admin', step.target);
      return { method: 'DELETE', plane: 'api', target: `/api/api-keys/${id.id}`, headers: headersOf(world, step.auth), sensitive: id.sensitive };
    }
    case 'vine': {
      const id = idFor(world, 'vine', step.target);
      return { method: 'POST', plane: 'vine', target: `/api/v1/keys/${id.id}/revoke`, headers: {}, sensitive: id.sensitive };
    }
    case 'gateway':
      return gatewayRequest(world, step.call, headersOf(world, step.keys));
    case 'detect':
      return { method: 'POST', plane: 'vine', target: '/api/v1/detect', headers: { ...json, ...headersOf(world, step.auth) }, body: detectBody(world, step.body), sensitive: false };
    case 'junk': {
      const route = junkPath(world, step.path);
      // Never a control-plane call that would act (a junk POST /__mock/reset), the dashboard's page or the index: only their wrong methods.
      const page = UI_PAGES.includes(route.path) || INDEX_PATHS.includes(route.path);
      const method = CONTROL_ROUTES[route.path]?.includes(step.method) || (page && step.method === 'GET') ? 'PATCH' : step.method;
      return { method, plane: route.plane, target: route.path, headers: headersOf(world, step.keys), sensitive: route.sensitive };
    }
    case 'big': {
      const bytes = BIG_BYTES[step.size];
      const big = { bytes, chunked: step.chunked };
      const vk = world.virtualKeys[0]!;
      if (step.route === 'vkRevoke') return { method: 'POST', plane: 'api', target: `/api/gateway/v1/virtual-keys/${vk.id}/revoke`, headers: { 'x-auth-token': world.projects[0]!.apiKey }, big, sensitive: false };
      if (step.route === 'chat') return { method: 'POST', plane: 'gateway', target: '/v1/chat/completions', headers: { ...json, authorization: `Bearer ${vk.secret}` }, big, sensitive: false };
      if (step.route === 'detect') return { method: 'POST', plane: 'vine', target: '/api/v1/detect', headers: { ...json, authorization: `Bearer ${world.vineKeys[0]!.plaintext}` }, big, sensitive: false };
      return { method: 'POST', plane: 'api', target: '/nope', headers: json, big, sensitive: false };
    }
  }
}

/** X-Project-Id naming a project (by index) or none that exists. */
function withProject(world: World, headers: Record<string, string>, pid: ProjectHeader | undefined): Record<string, string> {
  if (pid === undefined) return headers;
  return { ...headers, 'x-project-id': pid === 'junk' ? 'project_nope' : (world.projects[pid % world.projects.length]?.id ?? 'project_nope') };
}

const pick = <T>(list: readonly T[], i: number): T | undefined => list[i % Math.max(1, list.length)];

function vkBody(world: World, body: VkBody): string {
  if (body === 'notJson') return '{"name":';
  if (body === 'array') return '[]';
  const credential = (i: number) => pick(world.providerCredentials, i)?.id ?? 'pc_none';
  const fields: Record<string, unknown> = {};
  const names = { fresh: `fz-${world.virtualKeys.length}`, seedName: 'checkout', ci: 'ci', empty: '', max: 'm'.repeat(128), long: 'l'.repeat(129), number: 5 };
  if (body.name !== undefined) fields.name = names[body.name];
  if (body.description !== undefined) fields.description = { text: 'd', empty: '', null: null, number: 7 }[body.description];
  if (body.environment !== undefined) fields.environment = body.environment;
  if (body.principal !== undefined) fields.principal_user_id = { user: 'user_fz', null: null, number: 3 }[body.principal];
  const chain = body.chain;
  if (chain !== undefined) {
    if (chain === 'unknown') fields.provider_credential_ids = ['pc_unknown'];
    else if (chain === 'empty') fields.provider_credential_ids = [];
    else if (chain === 'notArray') fields.provider_credential_ids = 'x';
    else if ('dup' in chain) fields.provider_credential_ids = [credential(chain.dup), credential(chain.dup)];
    else fields.provider_credential_ids = chain.second === undefined ? [credential(chain.cred)] : [credential(chain.cred), credential(chain.second)];
  }
  if (body.config !== undefined) fields.config = { valid: { cache: { mode: 'force' }, model_aliases: { a: 'b' } }, invalid: { cache: { mode: 'x' } }, null: null }[body.config];
  if (body.extra) fields.scopes = ['x'];
  return JSON.stringify(fields);
}

function adminBody(world: World, body: AdminBody): string {
  if (body === 'notJson') return '{"name":';
  if (body === 'textPlain') return JSON.stringify({ name: 'plain', keyType: 'service' });
  const project = (i: number) => pick(world.projects, i)?.id ?? 'project_nope';
  const fields: Record<string, unknown> = {};
  if (body.keyType !== undefined) fields.keyType = body.keyType;
  if (body.name !== 'none') fields.name = body.name === 'empty' ? '' : body.name === 'long' ? 'n'.repeat(101) : `key-${world.apiKeys.length}`;
  if (body.description !== undefined) fields.description = body.description === 'd' ? 'd' : 'x'.repeat(501);
  if (body.expiresAt !== undefined) fields.expiresAt = { past: new Date(world.now - 1000).toISOString(), future: new Date(world.now + 60_000).toISOString(), null: null, bad: 'tomorrow' }[body.expiresAt];
  const scopeId = ({ scope }: BindingChoice) => {
    if (scope === 'org') return world.organizationId;
    if (scope === 'otherOrg') return 'org_other';
    if (scope === 'team') return 'team_1';
    if (scope === 'unknownProject') return 'project_nope';
    return project(scope.project);
  };
  if (body.bindings === 'notArray') fields.bindings = 'x';
  else if (body.bindings === 'tooMany') fields.bindings = Array.from({ length: 21 }, () => ({ role: 'MEMBER', scopeType: 'ORGANIZATION', scopeId: world.organizationId }));
  else if (body.bindings !== undefined) {
    fields.bindings = body.bindings.map((binding) => {
      const scopeType = binding.scope === 'org' || binding.scope === 'otherOrg' ? 'ORGANIZATION' : binding.scope === 'team' ? 'TEAM' : 'PROJECT';
      return { role: binding.role, scopeType, scopeId: scopeId(binding) };
    });
  }
  if (body.projectIds !== undefined) fields.projectIds = body.projectIds.map((id) => (id === 'empty' ? '' : id === 'unknown' ? 'project_nope' : project(id)));
  return JSON.stringify(fields);
}

function vineBody(world: World, body: VineBody): string {
  if (body === 'notJson') return '{"name":';
  const fields: Record<string, unknown> = {};
  if (body.name !== undefined) fields.name = { k: `vine-${world.vineKeys.length}`, empty: '', long: 'v'.repeat(101), number: 5 }[body.name];
  if (body.env !== undefined) fields.env = body.env;
  if (body.scopes !== undefined) fields.scopes = body.scopes === 'custom' ? ['detect'] : [1];
  if (body.extra) fields.rateTier = 'internal';
  return JSON.stringify(fields);
}

function gatewayRequest(world: World, call: Extract<Step, { t: 'gateway' }>['call'], headers: Record<string, string>): WireRequest {
  const post = (body: string, target = '/v1/chat/completions'): WireRequest => ({ method: 'POST', plane: 'gateway', target, headers: { 'content-type': 'application/json', ...headers }, body, sensitive: false });
  switch (call) {
    case 'models':
      return { method: 'GET', plane: 'gateway', target: '/v1/models', headers, sensitive: false };
    case 'chat':
      return post(JSON.stringify({ model: 'openai/gpt-5-mini', messages: [{ role: 'user', content: 'hello' }] }));
    case 'embeddings':
      return post(JSON.stringify({ model: 'openai/text-embedding-3-small', input: 'hello' }), '/v1/embeddings');
    case 'embeddingsTooMany':
      // 8 kB asking for 2,048 vectors of 1,024 numbers: past the answer's budget.
      return post(JSON.stringify({ model: 'openai/text-embedding-3-small', input: Array.from({ length: 2048 }, (_, i) => `t${i}`), dimensions: 1024 }), '/v1/embeddings');
    case 'messages':
      return post(JSON.stringify({ model: 'anthropic/claude-haiku-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'hello' }] }), '/v1/messages');
    case 'messagesNoModel':
      return post(JSON.stringify({ max_tokens: 64, messages: [] }), '/v1/messages');
    case 'chatStream':
      return post(JSON.stringify({ model: 'openai/gpt-5-mini', stream: true, messages: [{ role: 'user', content: 'hello' }] }));
    case 'chatNoModel':
      return post(JSON.stringify({ messages: [] }));
    case 'chatNotJson':
      return post('{"model":');
    case 'chatEmptyModel':
      return post(JSON.stringify({ model: '' }));
    case 'chatLongModel':
      return post(JSON.stringify({ model: 'm'.repeat(300), stream: true, messages: [] }));
    case 'unrouted':
      return { method: 'POST', plane: 'gateway', target: '/v1/responses', headers, sensitive: false };
    case 'unroutedCred': {
      // The key the request presents, pasted into the path too: the 404 must not echo it.
      const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value.trim()]));
      const presented = gatewaySecret(lower) || world.virtualKeys[0]!.secret;
      return { method: 'GET', plane: 'gateway', target: `/v1/files/${presented}`, headers, sensitive: true };
    }
    case 'wrongMethod':
      return { method: 'DELETE', plane: 'gateway', target: '/v1/models', headers, sensitive: false };
  }
}

function detectBody(world: World, body: Extract<Step, { t: 'detect' }>['body']): string {
  const bodies: Record<typeof body, () => string> = {
    ok: () => JSON.stringify({ url: 'https://studio.example/' }),
    notJson: () => '{"url":',
    empty: () => '',
    array: () => '[]',
    noUrl: () => '{}',
    relative: () => JSON.stringify({ url: '/studio' }),
    number: () => JSON.stringify({ url: 5 }),
    extra: () => JSON.stringify({ url: 'https://studio.example/', depth: 2 }),
    // A credential as a field name: the 422 names the unknown field, and must not show it.
    credKey: () => JSON.stringify({ [world.apiKeys[0]?.token ?? 'sk-lw-x']: 1 }),
  };
  return bodies[body]();
}

const routeTemplates = {
  vkRevoke: { kind: 'vk', plane: 'api', path: (id: string) => `/api/gateway/v1/virtual-keys/${id}/revoke` },
  vkRotate: { kind: 'vk', plane: 'api', path: (id: string) => `/api/gateway/v1/virtual-keys/${id}/rotate` },
  admin: { kind: 'admin', plane: 'api', path: (id: string) => `/api/api-keys/${id}` },
  vine: { kind: 'vine', plane: 'vine', path: (id: string) => `/api/v1/keys/${id}/revoke` },
  detect: { kind: 'vine', plane: 'vine', path: () => '/api/v1/detect' },
} as const;

function junkPath(world: World, path: JunkPath): { path: string; plane: Plane; sensitive: boolean } {
  if (typeof path === 'string') return { path, plane: planeOfPath(path), sensitive: false };
  if ('cred' in path) return { path: path.under + resolve(world, path.cred), plane: planeOfPath(path.under), sensitive: true };
  const template = routeTemplates[path.route];
  return { path: template.path(idFor(world, template.kind, { own: path.i, enc: 'plain' }).id), plane: template.plane as Plane, sensitive: false };
}

const planeOfPath = (path: string): Plane => (path.startsWith('/v1') ? 'gateway' : path.startsWith('/api/v1/') ? 'vine' : 'api');

const hexAll = (text: string) => mangle(text, 'pctAll');

function idFor(world: World, kind: 'vk' | 'admin' | 'vine', target: Target): { id: string; sensitive: boolean } {
  const ids = {
    vk: world.virtualKeys.map((k) => k.id),
    admin: world.apiKeys.map((k) => k.id),
    vine: world.vineKeys.map((k) => k.id),
    project: world.projects.map((p) => p.id),
  };
  if ('own' in target) {
    const id = ids[kind][target.own % Math.max(1, ids[kind].length)] ?? 'none';
    if (target.enc === 'pctOne') return { id: hexAll(id[0]!) + id.slice(1), sensitive: false };
    return { id: target.enc === 'pctAll' ? hexAll(id) : id, sensitive: false };
  }
  if ('other' in target) return { id: ids[target.other][target.i % Math.max(1, ids[target.other].length)] ?? 'none', sensitive: false };
  if ('junk' in target) return { id: target.junk, sensitive: false };
  return { id: resolve(world, target.cred), sensitive: true };
}

function headersOf(world: World, credentials: Credentials, keyProject?: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(credentials)) {
    if (name === 'authorization') {
      const { scheme, cred } = value as NonNullable<Credentials['authorization']>;
      headers.authorization = authorization(scheme, resolve(world, cred, keyProject), cred);
    } else headers[name] = value === 'empty' ? '' : resolve(world, value as CredentialRef, keyProject);
  }
  return headers;
}

/** The key of the project owning the targeted virtual key, when the step targets one. */
function keyProjectOf(world: World, target: Target): string | undefined {
  if (!('own' in target) || world.virtualKeys.length === 0) return undefined;
  const key = world.virtualKeys[target.own % world.virtualKeys.length]!;
  return world.projects.find((p) => p.id === key.projectId)?.apiKey;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const JUNK_BASIC = ['!!!', '=', 'Og==', 'YTpi', '%%%', 'dXNlcjo=', 'OmE=', '==YTpi'];

function authorization(scheme: Scheme, credential: string, ref: CredentialRef): string {
  switch (scheme) {
    case 'Bearer':
    case 'bearer':
    case 'BEARER':
      return `${scheme} ${credential}`;
    case 'BearerPadded':
      return `Bearer   ${credential}  `;
    case 'BearerBlank':
      return 'Bearer ';
    case 'Basic':
    case 'basic':
      return `${scheme} ${base64(`fz-user:${credential}`)}`;
    case 'BasicUrlSafe':
      return `Basic ${Buffer.from(`fz-user:${credential}`, 'utf8').toString('base64url')}`;
    case 'BasicNoUser':
      return `Basic ${base64(`:${credential}`)}`;
    case 'BasicEmptyKey':
      return `Basic ${base64('fz-user:')}`;
    case 'BasicJunk':
      return `Basic ${JUNK_BASIC[ref.i % JUNK_BASIC.length]}`;
    case 'Token':
      return `Token ${credential}`;
  }
}

const ROTATE_PLANE: Record<Plane, Plane> = { api: 'gateway', gateway: 'vine', vine: 'api' };

function withExtras(world: World, request: WireRequest, extras: Extras): WireRequest {
  const headers = { ...request.headers };
  let { target, sensitive, plane } = request;
  if (extras.requestId !== undefined) headers['x-request-id'] = extras.requestId;
  if (extras.query === 'plain') target += '?page=2&q=a%20b';
  else if (extras.query) {
    target += `?api_key=${resolve(world, extras.query)}`;
    sensitive = true;
  }
  const session = extras.session;
  if (session?.header !== undefined) headers['x-revokit-session'] = session.header;
  // A credential as a session id: '%' makes it an invalid id, whose 400 quotes it.
  if (session?.credential) headers['x-revokit-session'] = resolve(world, { ...session.credential, mangle: 'pctOne' });
  if (session?.prefix !== undefined) target = `/__session/${session.prefix}${target}`;
  if (extras.wrongHost) plane = ROTATE_PLANE[plane];
  return { ...request, headers, target, sensitive, plane };
}

/** The request as the mock reads it. HTTP: the target as sent; MSW: as the URL parser normalised it under the plane's base. */
export function modelRequestOf(wire: WireRequest, transport: 'http' | 'msw', baseUrl: string): ModelRequest {
  const headers = Object.fromEntries(Object.entries(wire.headers).map(([name, value]) => [name.toLowerCase(), value.replace(/^[\t ]+|[\t ]+$/g, '')]));
  const body = wire.big ? 'x'.repeat(Math.min(wire.big.bytes, MiB)) : wire.body;
  if (transport === 'http') {
    const path = wire.target.split('?')[0]!;
    return { method: wire.method, plane: wire.plane, path, headers, body, url: wire.target, sensitive: wire.sensitive };
  }
  // Concatenated, not resolved: a target like //x is a path here, not another host.
  const url = new URL(baseUrl + wire.target);
  return { method: wire.method, plane: wire.plane, path: url.pathname, headers, body, url: url.href, sensitive: wire.sensitive };
}
