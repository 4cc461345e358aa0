// One request through the model: what the server (HTTP) or the MSW handlers must answer, and how
// the world changes. The server's own rules come first (body limit, sessions, the control plane),
// then the route: an operation (after any queued fault), the gateway's rest of /v1/, or nothing.
import { createAdminKey, listAdminKeys } from './admin-lifecycle-rules.js';
import { revokeAdminKey, revokeVirtualKey, rotateVirtualKey } from './app-rules.js';
import type { Answer, Expected, ModelRequest } from './answer.js';
import { createChatCompletion, createEmbedding, createMessage, listModels, unrouted } from './gateway-rules.js';
import { ANY, CONTROL_ROUTES, envelopeFor, GATEWAY_PREFIX, matchRoute, INDEX_PATHS, UI_PAGES, UI_PREFIX, type Operation } from './routes.js';
import { createVineKey, detect, revokeVineKey } from './vine-rules.js';
import { createVirtualKey, getVirtualKey, listVirtualKeys, updateVirtualKey } from './vk-lifecycle-rules.js';
import { journal, strangerWorld, type Family, type World } from './world.js';

export type Transport = 'http' | 'msw';

export interface ModelContext {
  world: World;
  transport: Transport;
  /** Every credential the run has seen, and whose it is: a new secret must be none of them. */
  known: Map<string, Family>;
}

export const MAX_BODY_BYTES = 1024 * 1024;
const SESSION_ID = /^[A-Za-z0-9._-]{1,64}$/;
const SESSION_PREFIX = '/__session/';

/** The server (docs/server.md): 413 over 1 MiB, then the session the request names, then the routes. */
export function predictHttp(context: ModelContext, request: ModelRequest, bodyBytes: number): Expected {
  // Raw non-ASCII in the request target: Node's parser refuses it before any request exists.
  if (/[^\x21-\x7e]/.test(request.url)) return { kind: 'answer', envelope: 'server', status: 400, body: { error: 'bad_request', message: ANY }, connectionClose: true };
  if (bodyBytes > MAX_BODY_BYTES) return { kind: 'answer', envelope: 'server', status: 413, body: { error: 'payload_too_large', message: ANY }, connectionClose: true };
  // The index, before any session: the fuzz sends it only other methods than GET and HEAD.
  if (INDEX_PATHS.includes(request.path)) return serverNotAllowed(['GET', 'HEAD']);
  const session = sessionOf(request);
  const path = session.kind === 'default' ? request.path : session.path;
  const expected = predictServed(context, request, session);
  // The control plane answers CORS only to an origin allowed by name: none here.
  return expected.kind === 'answer' && path.startsWith('/__mock/') ? { ...expected, noCors: true } : expected;
}

function predictServed(context: ModelContext, request: ModelRequest, session: Session): Expected {
  if (session.kind === 'invalid') return refusedSession({ ...request, path: session.path });
  if (session.kind === 'session') {
    // A session is a world of its own, seeded anew: nothing the fuzz knows exists there.
    const stranger = { ...context, world: strangerWorld(context.world.settings, context.world.now) };
    return predictRoute(stranger, { ...request, path: session.path }, false);
  }
  return predictRoute(context, request, true);
}

/** MSW: requests no handler of ours claims pass through; each plane has its own host. */
export const predictMsw = (context: ModelContext, request: ModelRequest): Expected => predictRoute(context, request, true);

type Session = { kind: 'default'; path: string } | { kind: 'session'; path: string } | { kind: 'invalid'; path: string };

/** X-Revokit-Session, or a /__session/<id>/ prefix (stripped); both must agree; ids are 1–64 of A-Za-z0-9._-, never "." or "..". */
function sessionOf(request: ModelRequest): Session {
  let id = request.headers['x-revokit-session'];
  let path = request.path;
  if (path.startsWith(SESSION_PREFIX)) {
    const end = path.indexOf('/', SESSION_PREFIX.length);
    const fromPath = path.slice(SESSION_PREFIX.length, end === -1 ? undefined : end);
    path = end === -1 ? '/' : path.slice(end);
    if (id !== undefined && id !== fromPath) return { kind: 'invalid', path };
    id = fromPath;
  }
  if (id === undefined) return { kind: 'default', path };
  return SESSION_ID.test(id) && id !== '.' && id !== '..' ? { kind: 'session', path } : { kind: 'invalid', path };
}

/** A 400 in the API's own envelope on its operations (a LangWatch answer: with X-Request-Id), the server's elsewhere. */
function refusedSession(request: ModelRequest): Expected {
  const match = matchRoute(request.method, request.path);
  if (match.kind !== 'op') return { kind: 'answer', envelope: 'server', status: 400, body: { error: 'bad_request', message: ANY } };
  return { kind: 'answer', envelope: match.op.plane, status: 400, body: envelopeFor(match.op.plane, 400, ANY, match.op.id), ...requestIdRule(match.op.family === 'langwatch', request) };
}

function predictRoute(context: ModelContext, request: ModelRequest, journaled: boolean): Expected {
  const { transport } = context;
  const match = matchRoute(request.method, request.path);
  if (match.kind === 'op' && (transport === 'http' || match.op.plane === request.plane)) return runOperation(context, request, match.op, match.id, journaled);
  // The gateway answers all of /v1/ in its envelope, key first; its answers there are not journaled.
  if (request.path.startsWith(GATEWAY_PREFIX) && (transport === 'http' || request.plane === 'gateway')) {
    const allow = match.kind === 'wrong-method' ? match.allow : undefined;
    const answer = unrouted(context.world, request.headers, allow);
    return { kind: 'answer', envelope: 'gateway', ...answer, ...requestIdRule(true, request), ...(answer.status === 405 ? { allow } : {}) };
  }
  if (transport === 'msw') return { kind: 'unclaimed' };
  if (request.path === UI_PREFIX || request.path.startsWith(`${UI_PREFIX}/`)) return UI_PAGES.includes(request.path) ? serverNotAllowed(['GET', 'HEAD']) : serverNotFound();
  if (request.path.startsWith('/__mock/')) {
    const methods = CONTROL_ROUTES[request.path];
    return methods ? serverNotAllowed(methods) : serverNotFound();
  }
  return match.kind === 'wrong-method' ? serverNotAllowed(match.allow) : serverNotFound();
}

const serverNotFound = (): Expected => ({ kind: 'answer', envelope: 'server', status: 404, body: { error: 'not_found', message: ANY } });
const serverNotAllowed = (allow: readonly string[]): Expected => ({ kind: 'answer', envelope: 'server', status: 405, body: { error: 'method_not_allowed', message: ANY }, allow });

/** A queued fault answers instead of the behaviour (or drops the connection); the journal records either. */
function runOperation(context: ModelContext, request: ModelRequest, op: Operation, id: string | undefined, journaled: boolean): Expected {
  const { world } = context;
  const fault = journaled ? takeFault(world, op.id) : undefined;
  const record = (status: number) => {
    if (journaled) journal(world, op.family, { method: request.method.toUpperCase(), operationId: op.id, status, at: world.now, ...(request.sensitive ? {} : { url: request.url }) });
  };
  if (fault?.network) {
    record(0);
    return { kind: 'network-error', operation: op };
  }
  const answer: Answer =
    fault?.status !== undefined ? { status: fault.status, body: envelopeFor(op.plane, fault.status, `Injected fault: HTTP ${fault.status}`, op.id) } : behaviour(context, request, op, id);
  record(answer.status);
  return { kind: 'answer', envelope: op.plane, operation: op, ...answer, ...requestIdRule(op.family === 'langwatch', request) };
}

function behaviour({ world, known }: ModelContext, request: ModelRequest, op: Operation, id: string | undefined): Answer {
  switch (op.id) {
    case 'getApiGatewayV1Virtual-keys':
      return listVirtualKeys(world, request.headers);
    case 'postApiGatewayV1Virtual-keys':
      return createVirtualKey(world, request.headers, request.body, known);
    case 'getApiGatewayV1Virtual-keysById':
      return getVirtualKey(world, request.headers, id);
    case 'patchApiGatewayV1Virtual-keysById':
      return updateVirtualKey(world, request.headers, id, request.body);
    case 'listApiKeys':
      return listAdminKeys(world, request.headers);
    case 'createApiKey':
      return createAdminKey(world, request.headers, request.body, known);
    case 'postApiV1Keys':
      return createVineKey(world, request.body, known);
    case 'postApiGatewayV1Virtual-keysByIdRevoke':
      return revokeVirtualKey(world, request.headers, id);
    case 'postApiGatewayV1Virtual-keysByIdRotate':
      return rotateVirtualKey(world, request.headers, id, known);
    case 'revokeApiKey':
      return revokeAdminKey(world, request.headers, id);
    case 'gatewayListModels':
      return listModels(world, request.headers);
    case 'gatewayCreateChatCompletion':
      return createChatCompletion(world, request.headers, request.body);
    case 'gatewayCreateEmbedding':
      return createEmbedding(world, request.headers, request.body);
    case 'gatewayCreateMessage':
      return createMessage(world, request.headers, request.body);
    case 'postApiV1KeysByIdRevoke':
      return revokeVineKey(world, id);
    case 'postApiV1Detect':
      return detect(world, request.headers, request.body);
    default:
      throw new Error(`the model has no rule for ${op.id}`);
  }
}

function takeFault(world: World, operationId: string) {
  const queue = world.faults.get(operationId);
  const head = queue?.[0];
  if (!queue || !head) return undefined;
  head.left -= 1;
  if (head.left === 0) queue.shift();
  return head;
}

/** Every LangWatch answer carries X-Request-Id: the caller's non-empty value verbatim, else a minted one. */
function requestIdRule(langwatch: boolean, request: ModelRequest): { requestId?: string | 'minted' } {
  if (!langwatch) return {};
  return { requestId: request.headers['x-request-id'] || 'minted' };
}
