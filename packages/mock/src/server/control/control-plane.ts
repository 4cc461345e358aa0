// The control plane under /__mock/: health, reset, the clock, each family's entities, the journal
// and injected faults, for one world. Plain in, plain out (the wire writes the result), snake_case
// JSON. Bad input is a 400 naming the field, rejected before anything changes; only InputError
// means bad input, so a bug still surfaces as a 500.
import { readFault, type FaultSpec } from '../../core/faults.js';
import { InputError, rules, snakeCase, snakeKeys } from '../../core/inputs.js';
import type { JournalEntry } from '../../core/journal.js';
import type { AnyFamily } from '../../families/family.js';
import type { Sessions } from '../world/sessions.js';
import type { World } from '../world/world.js';
import { readClockChange } from './clock-change.js';

export const CONTROL_PREFIX = '/__mock/';
const SESSIONS_PREFIX = '/__mock/sessions/';

export type ControlResult =
  | { kind: 'unmatched' }
  | { kind: 'method-not-allowed'; allow: readonly string[] }
  | { kind: 'respond'; status: number; body?: unknown };

type AnyWorld = World<readonly AnyFamily[]>;
type Handler = (world: AnyWorld, body: unknown) => { status: number; body?: unknown };
type Route = Partial<Record<'GET' | 'POST' | 'DELETE', Handler>>;

export interface ControlPlane {
  /** `body` is the raw request text (undefined when there was none). */
  handle(world: AnyWorld, method: string, path: string, body: string | undefined): ControlResult;
}

/** `redact` scrubs what the control plane shows (error messages, session ids) of every world's credentials. */
export function createControlPlane(families: readonly AnyFamily[], sessions: Sessions<readonly AnyFamily[]>, redact: (text: string) => string): ControlPlane {
  const routes: Record<string, Route> = {
    '/__mock/health': { GET: () => ({ status: 200, body: { ok: true } }) },
    // A session id is client text like any other: one that is a credential is shown redacted.
    '/__mock/sessions': { GET: () => ({ status: 200, body: { sessions: sessions.list().map((session) => ({ ...session, id: redact(session.id) })) } }) },
    '/__mock/credentials': { GET: (world) => ({ status: 200, body: snakeKeys(world.credentials) }) },
    '/__mock/reset': {
      POST: (world) => {
        world.reset();
        return { status: 204 };
      },
    },
    '/__mock/clock': {
      GET: (world) => ({ status: 200, body: clockView(world) }),
      POST: (world, body) => {
        const { clock } = world;
        const change = readClockChange(body, clock.now());
        if (change.frozen === true) clock.freeze();
        if (change.frozen === false) clock.unfreeze();
        if (change.setTo !== undefined) clock.set(change.setTo);
        if (change.advanceMs !== undefined) clock.advance(change.advanceMs);
        return { status: 200, body: clockView(world) };
      },
    },
    '/__mock/operations': {
      GET: (world) => ({
        status: 200,
        body: { operations: world.members.flatMap(({ family, mock }) => mock.routes.map((route) => ({ family: family.name, operation_id: route.name, method: route.method, path: route.path }))) },
      }),
    },
    '/__mock/requests': {
      // Entries were redacted when written, against every world's credentials (the server's mocks share one index):
      // reading them costs no redaction, and a credential that left since (an ended session's) cannot reappear.
      GET: (world) => ({
        status: 200,
        body: Object.fromEntries(world.members.map(({ family, mock }) => [family.name, mock.requests.map(journalView)])),
      }),
    },
    '/__mock/faults': {
      GET: (world) => ({ status: 200, body: { faults: world.members.flatMap(({ mock }) => mock.faults.pending()).map(faultView) } }),
      POST: (world, body) => {
        const { operationId, fault } = readFaultRequest(body, world.operationIds);
        world.ownerOf(operationId)!.mock.faults.next(operationId, fault);
        return { status: 201, body: faultView({ operationId, ...fault }) };
      },
      DELETE: (world) => {
        for (const { mock } of world.members) mock.faults.clear();
        return { status: 204 };
      },
    },
  };
  // /__mock/{family}/{entity}: create (POST) and list (GET), each acting on the world's mock of that family.
  for (const family of families) {
    for (const [name, entity] of Object.entries(family.entities)) {
      routes[`${CONTROL_PREFIX}${family.name}/${name}`] = {
        GET: (world) => ({ status: 200, body: { [name.replaceAll('-', '_')]: entity.list(mockOf(world, family)) } }),
        POST: (world, body) => ({ status: 201, body: entity.create(mockOf(world, family), body, { where: '', naming: 'snake' }) }),
      };
    }
  }

  /** DELETE /__mock/sessions/{id}: ends a session (404 when there is none). */
  const sessionRoute = (path: string): Route | undefined => {
    if (!path.startsWith(SESSIONS_PREFIX) || path.length === SESSIONS_PREFIX.length) return undefined;
    const id = decodeURIComponentSafe(path.slice(SESSIONS_PREFIX.length));
    return {
      DELETE: () => (sessions.end(id) ? { status: 204 } : { status: 404, body: { error: 'not_found', message: `no session ${JSON.stringify(redact(id).slice(0, 80))}` } }),
    };
  };

  return {
    handle(world, method, path, body) {
      const route = routes[path] ?? sessionRoute(path);
      if (!route) return { kind: 'unmatched' };
      const handler = route[method as keyof Route];
      if (!handler) return { kind: 'method-not-allowed', allow: Object.keys(route) };
      let json: unknown = {};
      if (method === 'POST' && body !== undefined && body.trim() !== '') {
        try {
          json = JSON.parse(body);
        } catch {
          return { kind: 'respond', status: 400, body: { error: 'bad_request', message: 'The request body is not valid JSON' } };
        }
      }
      try {
        return { kind: 'respond', ...handler(world, json) };
      } catch (error) {
        // Messages may quote what was sent; a credential in one is redacted like everywhere else.
        if (error instanceof InputError) return { kind: 'respond', status: 400, body: { error: 'bad_request', message: redact(error.message), field: redact(error.field) } };
        throw error;
      }
    },
  };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const mockOf = (world: AnyWorld, family: AnyFamily) => (world.mocks as Record<string, unknown>)[family.name];

function clockView({ clock }: AnyWorld) {
  return { now: new Date(clock.now()).toISOString(), offset_ms: clock.offsetMs, frozen: clock.frozen };
}

function journalView({ method, url, operationId, status, at }: JournalEntry) {
  return { method, url, operation_id: operationId, status, at };
}

function readFaultRequest(body: unknown, operationIds: readonly string[]): { operationId: string; fault: FaultSpec } {
  if (!rules.object.accepts(body)) throw new InputError('body', 'body must be a JSON object');
  const { operation_id: operationId, ...fault } = body;
  if (operationId === undefined) throw new InputError('operation_id', `operation_id is required: one of ${operationIds.join(', ')}`);
  if (!rules.string.accepts(operationId)) throw new InputError('operation_id', 'operation_id must be a string');
  if (!operationIds.includes(operationId)) {
    throw new InputError('operation_id', `unknown operation_id ${JSON.stringify(operationId.slice(0, 100))}: expected one of ${operationIds.join(', ')}`);
  }
  return { operationId, fault: readFault(fault, '', 'snake') };
}

function faultView(fault: { operationId: string } & FaultSpec) {
  const view: Record<string, unknown> = Object.fromEntries(Object.entries(fault).map(([key, value]) => [snakeCase(key), value]));
  view.times = fault.times ?? 1;
  return view;
}
