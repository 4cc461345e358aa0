// @revokit/mock/server: the LangWatch and Vine mocks (and the gateway data plane) served over
// node:http on one port, with the /__mock/ control plane. The CLI `revokit-mock` is a thin
// shell over this. Imports the core modules directly: msw is not in this module's graph.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createControlPlane } from './http/control-plane.js';
import { createRequestHandler, type RequestHandler } from './http/handler.js';
import { createServedMocks, type ServedMocksOptions } from './http/mocks.js';
import { createRequestLog, type LogFormat } from './http/request-log.js';
import { parseSeedPlan } from './http/seed-plan.js';
import { closeGracefully } from './http/shutdown.js';

export type { DemoCredentials } from './http/demo.js';
export type { SeededEntities } from './http/seed-plan.js';
export type { LogFormat } from './http/request-log.js';
export { InputError } from './http/fields.js';
export { parseSeedPlan } from './http/seed-plan.js';
// The core's types for users of the server alone. Naming core/index.js here also makes tsc write
// its paths (not the root entry's, which loads msw's types) into server.d.ts, so this entry
// type-checks without msw installed (scripts/consumer checks it).
export type { AuthenticateResult, ClockMode, Faults, FaultSpec, JournalEntry, MockClock } from './core/index.js';

export interface MockServerOptions extends Omit<ServedMocksOptions, 'seed'> {
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
  /** Default 4010; 0 picks a free port. */
  port?: number;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4010;

export function createMockServer(options: MockServerOptions = {}) {
  const seed = options.seed === undefined ? undefined : parseSeedPlan(options.seed);
  const mocks = createServedMocks({ ...options, seed });
  const writeLogLine = options.writeLogLine ?? ((line: string) => void process.stdout.write(`${line}\n`));
  let closing = false;
  const handler: RequestHandler = createRequestHandler({
    mocks,
    control: createControlPlane(mocks),
    log: createRequestLog(options.log ?? 'silent', writeLogLine),
    closing: () => closing,
  });
  const server: Server = createServer({ noDelay: true }, handler);
  let url: string | undefined;

  return {
    /** The node:http server (for embedding); `handler` alone can be mounted in another server. */
    server,
    handler,
    langwatch: mocks.langwatch,
    vine: mocks.vine,
    clock: mocks.clock,
    /** The default project, the demo credentials (unless `demo: false`) and the seeded entities. */
    credentials: mocks.credentials,
    operationIds: mocks.operationIds,
    reset: mocks.reset,
    /** The base URL, once listening. */
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
    /** Stops accepting, lets requests in flight finish, then resolves. */
    close(): Promise<void> {
      closing = true;
      return closeGracefully(server, options.shutdownTimeoutMs ?? 10_000);
    },
  };
}

export type MockServer = ReturnType<typeof createMockServer>;
