// @revokit/mock/server: every API family's mock served over node:http on one port, with the
// /__mock/ control plane. The CLI `revokit-mock` is a thin shell over this. msw is not in this
// module's graph (nor in its types).
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClock, type ClockMode, type MockClock } from './core/clock.js';
import { createRedactor, holdsPieceOf } from './core/redact.js';
import { createCredentialIndex, createRetiredRing, type SecretSource } from './core/secrets.js';
import { defaultFamilies, type DefaultFamilies } from './families/index.js';
import type { AnyFamily, CredentialsOf, FamilySettings, MocksOf, OperationIdOf } from './families/family.js';
import { createControlPlane } from './server/control/control-plane.js';
import { answerClientError } from './server/wire/client-error.js';
import { createControlGuard, normalizeOrigin } from './server/wire/control-guard.js';
import { createRequestHandler, type RequestHandler } from './server/wire/handler.js';
import { SESSION_HEADER } from './server/wire/session-select.js';
import { createWorldChooser } from './server/wire/world-choice.js';
import { createRequestLog, type LogFormat } from './server/wire/request-log.js';
import { parseSeedPlan } from './server/world/seed-plan.js';
import { createSessions, isSessionId, SESSION_ID_RULE, type SessionInfo, type Sessions } from './server/world/sessions.js';
import { createWorld, type World } from './server/world/world.js';
import type { IndexFacts } from './server/ui/index-page.js';
import { packageVersion } from './version.js';

export { InputError } from './core/inputs.js';
export type { LogFormat } from './server/wire/request-log.js';
export { parseSeedPlan, type SeedPlan } from './server/world/seed-plan.js';
export { defaultFamilies, type DefaultFamilies } from './families/index.js';
export type { SessionInfo } from './server/world/sessions.js';
export { SESSION_HEADER } from './server/wire/session-select.js';
export type { AnyFamily, CredentialsPart, Entity, Family, FamilySettings, OperationIdOf } from './families/family.js';
// The core's types for users of the server alone. Naming core/index.js here also makes tsc write
// its paths (not the root entry's, which loads msw's types) into server.d.ts, so this entry
// type-checks without msw installed (scripts/consumer checks it).
export type { AuthenticateResult, ClockMode, Faults, FaultSpec, JournalEntry, MockClock } from './core/index.js';

/** The credentials of a server of the default families. */
export type ServerCredentials = CredentialsOf<DefaultFamilies>;
export type DemoCredentials = NonNullable<ServerCredentials['demo']>;
export type SeededEntities = ServerCredentials['seeded'];

export interface MockServerOptions<Families extends readonly AnyFamily[] = DefaultFamilies> extends FamilySettings {
  /** The API families to serve (default: LangWatch and Vine). */
  families?: Families | undefined;
  /** "frozen": time moves only through the control plane (default "system"). */
  clock?: ClockMode | undefined;
  /** Create the demo entities (default true). */
  demo?: boolean | undefined;
  /** Entities to create at start, in the seed-file format (see docs/server.md). Validated: a bad entry throws an InputError naming it. */
  seed?: unknown;
  /** Request log format (default "silent"; the CLI defaults to "pretty"). */
  log?: LogFormat | undefined;
  /** Where log lines go (default: stdout). */
  writeLogLine?: ((line: string) => void) | undefined;
  /** How long close() waits for requests in flight before cutting them (default 10 s). */
  shutdownTimeoutMs?: number | undefined;
  /** A session idle this long ends (default 10 min). */
  sessionTtlMs?: number | undefined;
  /** How many sessions may exist at once (default 256); a new one past that gets 429. */
  maxSessions?: number | undefined;
  /** Refuse requests that name no session (400), so a test that forgot its session fails loudly. */
  requireSession?: boolean | undefined;
  /**
   * Token the control plane requires (the health check aside). Default: none on a loopback host;
   * a minted one when listening on any other address, since the control plane hands out every secret.
   */
  controlToken?: string | undefined;
  /**
   * Origins (`scheme://host[:port]`) whose web pages may read and drive the control plane. Default:
   * none; the control plane answers its own origin (the dashboard) and clients that are no web page.
   */
  corsOrigins?: readonly string[] | undefined;
  /**
   * Host names the control plane answers besides loopback names, IP addresses and the listen host:
   * e.g. "mock" (a docker compose service), or ".internal" for it and every subdomain.
   */
  allowedHosts?: readonly string[] | undefined;
  /** The clock session idleness is measured by (default: a system clock). */
  sessionClock?: MockClock | undefined;
}

export interface ListenOptions {
  /** Default 127.0.0.1. */
  host?: string | undefined;
  /** Default 4010; 0 picks a free one. */
  port?: number | undefined;
}

/**
 * A client trickling its headers (slowloris), or a connection that sends nothing, is cut after
 * 10 s with a 408; one whose whole request takes over 30 s too. Node checks every second rather
 * than every 30 s. An injected delay is not a request still arriving, so it is never cut; idle
 * keep-alive connections close after node's keepAliveTimeout (5 s), as before.
 */
const CONNECTION_LIMITS = { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 };
/** A mock has no virtual hosts: an HTTP/1.1 request without Host is served, not refused with node's bare 400. */
const LENIENT = { requireHostHeader: false };

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4010;
export const DEFAULT_SESSION_TTL_MS = 600_000;
export const DEFAULT_MAX_SESSIONS = 256;
/** Credentials of sessions that ended stay redacted until this many more have joined them. */
export const ENDED_CREDENTIALS_KEPT = 4096;

/** Names a family cannot take: they are the server's own fields. */
const RESERVED = new Set(['server', 'handler', 'families', 'mocks', 'clock', 'credentials', 'operationIds', 'reset', 'url', 'listen', 'close', 'sessions', 'controlToken']);

export type MockServer<Families extends readonly AnyFamily[] = DefaultFamilies> = MocksOf<Families> & {
  /** The node:http server (for embedding); `handler` alone can be mounted in another server. */
  readonly server: Server;
  readonly handler: RequestHandler;
  readonly families: Families;
  /** Each family's mock, by family name (also at the top level: `server.langwatch`). */
  readonly mocks: MocksOf<Families>;
  readonly clock: World<Families>['clock'];
  /** The default project, the demo credentials (unless `demo: false`) and the seeded entities. */
  readonly credentials: CredentialsOf<Families>;
  /** Every operation name, typed: only these are accepted by faults and written to the journal. */
  readonly operationIds: readonly OperationIdOf<Families>[];
  /** Back to the startup state: same ids and credentials (the default world; sessions have their own). */
  reset(): void;
  /** The sessions, each a world of its own. */
  readonly sessions: Sessions<Families>;
  /** The token the control plane requires, if any (known once listening). */
  readonly controlToken: string | undefined;
  /** The base URL, once listening. */
  readonly url: string;
  listen(options?: ListenOptions): Promise<string>;
  /** Stops accepting, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
};

export function createMockServer<Families extends readonly AnyFamily[] = DefaultFamilies>(options: MockServerOptions<Families> = {}): MockServer<Families> {
  const families = (options.families ?? defaultFamilies) as unknown as Families;
  for (const family of families) {
    if (RESERVED.has(family.name)) throw new TypeError(`a family cannot be named "${family.name}": the server uses that name`);
  }
  const { graceMs, propagationMs, revokedKeyStatus, journalSize } = options;
  const corsOrigins = (options.corsOrigins ?? []).map((origin) => {
    const normalized = normalizeOrigin(origin);
    if (normalized === undefined) throw new TypeError(`corsOrigins: ${JSON.stringify(origin)} is not an origin (scheme://host[:port], e.g. http://localhost:3000)`);
    return normalized;
  });
  const seed = options.seed === undefined ? undefined : parseSeedPlan(options.seed, families);
  // One index of every world's credentials, so that what the server writes down (log lines, journal
  // entries, messages quoting a request) is redacted against all of them at the cost of one lookup,
  // however many sessions exist. A session that ends hands its credentials to a ring of retired ones.
  const credentials = createCredentialIndex();
  const ended = createRetiredRing(credentials, ENDED_CREDENTIALS_KEPT);
  /** Sources of families that keep an index of their own (none of the default ones): asked too. */
  const unscoped = new Set<SecretSource>();
  const newWorld = () => {
    const created = createWorld({ families, settings: { graceMs, propagationMs, revokedKeyStatus, journalSize }, clock: options.clock, demo: options.demo, seed, credentials });
    for (const source of created.unscoped) unscoped.add(source);
    return created;
  };
  const world = newWorld();
  const sessions = createSessions({
    createWorld: newWorld,
    ttlMs: positive('sessionTtlMs', options.sessionTtlMs, DEFAULT_SESSION_TTL_MS),
    max: positive('maxSessions', options.maxSessions, DEFAULT_MAX_SESSIONS),
    clock: options.sessionClock ?? createClock('system'),
    onEnd(endedWorld) {
      endedWorld.end(ended.retire);
      for (const source of endedWorld.unscoped) unscoped.delete(source);
    },
  });
  const writeLogLine = options.writeLogLine ?? ((line: string) => void process.stdout.write(`${line}\n`));
  let closing = false;
  let controlToken = options.controlToken;
  let listenHost: string | undefined;
  let index: IndexFacts | undefined;
  const everyWorld: SecretSource = {
    hasFragment(key) {
      if (credentials.hasFragment(key)) return true;
      for (const source of unscoped) if (source.hasFragment(key)) return true;
      return false;
    },
    holdsPiece(text, from, to) {
      if (credentials.holdsPiece(text, from, to)) return true;
      for (const source of unscoped) if (holdsPieceOf(source, text, from, to)) return true;
      return false;
    },
  };
  const redact = createRedactor([everyWorld]).redact;
  const handler = createRequestHandler({
    choose: createWorldChooser({ defaultWorld: world, sessions, requireSession: options.requireSession === true }),
    defaultWorld: world,
    control: createControlPlane(families, sessions, redact),
    admit: createControlGuard({ corsOrigins, allowedHosts: options.allowedHosts, listenHost: () => listenHost, controlToken: () => controlToken }),
    redact,
    log: createRequestLog(options.log ?? 'silent', writeLogLine, redact),
    closing: () => closing,
    index: () =>
      (index ??= {
        version: packageVersion(),
        operations: world.members.flatMap(({ family, mock }) => mock.routes.map((route) => ({ family: family.name, operation_id: route.name, method: route.method, path: route.path }))),
        entities: families.flatMap((family) => Object.keys(family.entities).map((entity) => `${family.name}/${entity}`)),
        requireSession: options.requireSession === true,
        controlToken: controlToken !== undefined,
      }),
  });
  // Idle sessions free their memory even if nobody asks for them again.
  const sweeper = setInterval(() => sessions.sweep(), Math.min(sessions.ttlMs, 60_000));
  sweeper.unref();
  const server: Server = createServer({ noDelay: true, ...CONNECTION_LIMITS, ...LENIENT }, handler);
  server.on('clientError', answerClientError);
  let url: string | undefined;

  return {
    ...world.mocks,
    server,
    handler,
    families,
    mocks: world.mocks,
    clock: world.clock,
    credentials: world.credentials,
    operationIds: world.operationIds,
    reset: world.reset,
    sessions,
    get controlToken() {
      return controlToken;
    },
    get url(): string {
      if (url === undefined) throw new Error('The mock server is not listening yet: await listen() first');
      return url;
    },
    listen({ host = DEFAULT_HOST, port = DEFAULT_PORT }: ListenOptions = {}): Promise<string> {
      if (controlToken === undefined && !isLoopback(host)) controlToken = randomBytes(24).toString('base64url');
      listenHost = host;
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
          resolve(url);
        });
      });
    },
    close(): Promise<void> {
      closing = true;
      clearInterval(sweeper);
      return closeGracefully(server, options.shutdownTimeoutMs ?? 10_000);
    },
  };
}

export interface StartedMockServer<Families extends readonly AnyFamily[] = DefaultFamilies> {
  /** The base URL, e.g. http://127.0.0.1:54321. */
  url: string;
  /** Graceful stop. */
  stop(): Promise<void>;
  mock: MockServer<Families>;
}

/** createMockServer + listen in one call, e.g. in a vitest globalSetup: `const { url, stop } = await startMockServer({ port: 0 })`. */
export async function startMockServer<Families extends readonly AnyFamily[] = DefaultFamilies>(
  options: MockServerOptions<Families> & ListenOptions = {},
): Promise<StartedMockServer<Families>> {
  const { host, port, ...rest } = options;
  const mock = createMockServer(rest);
  const url = await mock.listen({ host, port });
  return { url, stop: () => mock.close(), mock };
}

/** The base URL of a session: every client given it (our SDKs, fetch, any language) acts on that session only. */
export function sessionUrl(url: string, id: string): string {
  checkSessionId(id);
  return `${url.replace(/\/+$/, '')}/__session/${id}`;
}

/** The header that names a session, for clients that can set headers (Playwright's extraHTTPHeaders, fetch). */
export function sessionHeaders(id: string): Record<string, string> {
  checkSessionId(id);
  return { [SESSION_HEADER]: id };
}

function checkSessionId(id: string): void {
  if (typeof id !== 'string' || !isSessionId(id)) throw new TypeError(`${JSON.stringify(String(id).slice(0, 80))}: ${SESSION_ID_RULE}`);
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  return value;
}

/** 127.0.0.0/8, ::1 and localhost: only this machine can reach them. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Graceful stop: no new connections, idle keep-alive connections closed now, requests in flight
 * (an injected delay included) answered with `Connection: close`, then done. A request still
 * running after `timeoutMs` has its connection cut, so a stop always ends.
 */
function closeGracefully(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
