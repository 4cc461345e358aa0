// @revokit/mock/server: every API family's mock served over node:http on one port, with the
// /__mock/ control plane. The CLI `revokit-mock` is a thin shell over this. msw is not in this
// module's graph (nor in its types).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClockMode } from './core/clock.js';
import { defaultFamilies, type DefaultFamilies } from './families/index.js';
import type { AnyFamily, CredentialsOf, FamilySettings, MocksOf } from './families/family.js';
import { createControlPlane } from './server/control/control-plane.js';
import { createRequestHandler, type RequestHandler } from './server/wire/handler.js';
import { createRequestLog, type LogFormat } from './server/wire/request-log.js';
import { closeGracefully } from './server/wire/shutdown.js';
import { parseSeedPlan } from './server/world/seed-plan.js';
import { createWorld, type World } from './server/world/world.js';

export { InputError } from './core/inputs.js';
export type { LogFormat } from './server/wire/request-log.js';
export { parseSeedPlan, type SeedPlan } from './server/world/seed-plan.js';
export { defaultFamilies, type DefaultFamilies } from './families/index.js';
export type { AnyFamily, CredentialsPart, Entity, Family, FamilySettings } from './families/family.js';

/** The credentials of a server of the default families. */
export type ServerCredentials = CredentialsOf<DefaultFamilies>;
export type DemoCredentials = NonNullable<ServerCredentials['demo']>;
export type SeededEntities = ServerCredentials['seeded'];

export interface MockServerOptions<Families extends readonly AnyFamily[] = DefaultFamilies> extends FamilySettings {
  /** The API families to serve (default: LangWatch and Vine). */
  families?: Families;
  /** "frozen": time moves only through the control plane (default "system"). */
  clock?: ClockMode;
  /** Create the demo entities (default true). */
  demo?: boolean;
  /** Entities to create at start, in the seed-file format (see docs/server.md). Validated: a bad entry throws an InputError naming it. */
  seed?: unknown;
  /** Request log format (default "silent"; the CLI defaults to "pretty"). */
  log?: LogFormat;
  /** Where log lines go (default: stdout). */
  writeLogLine?: (line: string) => void;
  /** How long close() waits for requests in flight before cutting them (default 10 s). */
  shutdownTimeoutMs?: number;
}

export interface ListenOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4010; 0 picks a free one. */
  port?: number;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4010;

/** Names a family cannot take: they are the server's own fields. */
const RESERVED = new Set(['server', 'handler', 'families', 'mocks', 'clock', 'credentials', 'operationIds', 'reset', 'url', 'listen', 'close']);

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
  readonly operationIds: readonly string[];
  /** Back to the startup state: same ids and credentials. */
  reset(): void;
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
  const world = createWorld({
    families,
    settings: { graceMs, propagationMs, revokedKeyStatus, journalSize },
    clock: options.clock,
    demo: options.demo,
    seed: options.seed === undefined ? undefined : parseSeedPlan(options.seed, families),
  });
  const writeLogLine = options.writeLogLine ?? ((line: string) => void process.stdout.write(`${line}\n`));
  let closing = false;
  const handler = createRequestHandler({
    world,
    control: createControlPlane(families),
    log: createRequestLog(options.log ?? 'silent', writeLogLine),
    closing: () => closing,
  });
  const server: Server = createServer({ noDelay: true }, handler);
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
    get url(): string {
      if (url === undefined) throw new Error('The mock server is not listening yet: await listen() first');
      return url;
    },
    listen({ host = DEFAULT_HOST, port = DEFAULT_PORT }: ListenOptions = {}): Promise<string> {
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
      return closeGracefully(server, options.shutdownTimeoutMs ?? 10_000);
    },
  };
}
