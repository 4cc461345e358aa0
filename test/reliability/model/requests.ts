// A step's request on the wire (method, target, headers, body), built from the step and the
// model's world, and the same request as the mock will read it (ModelRequest).
import type { ModelRequest } from './answer.js';
import { mangle, resolve, type CredentialRef } from './credentials.js';
import { gatewaySecret } from './gateway-rules.js';
import { CONTROL_ROUTES, INDEX_PATHS, UI_PAGES, type Plane } from './routes.js';
import type { Credentials, Extras, JunkPath, Scheme, Step, Target } from './steps.js';
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
      return { method: 'POST', plane: 'api', target: `/api/gateway/v1/virtual-keys/${id.id}/${step.op}`, headers: headersOf(world, step.auth, keyProjectOf(world, step.target)), sensitive: id.sensitive };
    }
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

function gatewayRequest(world: World, call: Extract<Step, { t: 'gateway' }>['call'], headers: Record<string, string>): WireRequest {
  const post = (body: string, target = '/v1/chat/completions'): WireRequest => ({ method: 'POST', plane: 'gateway', target, headers: { 'content-type': 'application/json', ...headers }, body, sensitive: false });
  switch (call) {
    case 'models':
      return { method: 'GET', plane: 'gateway', target: '/v1/models', headers, sensitive: false };
    case 'chat':
      return post(JSON.stringify({ model: 'openai/gpt-5-mini', messages: [{ role: 'user', content: 'hello' }] }));
    case 'embeddings':
      return post(JSON.stringify({ model: 'openai/text-embedding-3-small', input: 'hello' }), '/v1/embeddings');
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
