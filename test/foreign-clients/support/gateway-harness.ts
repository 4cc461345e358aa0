// The LangWatch mock as a foreign client meets it: either through the MSW handlers (setupServer)
// or through the real node:http server on a free port. Arrange steps (seeding, the clock) go to the
// in-process core either way; revoke and rotate go over the wire with @revokit/langwatch.
import { setupServer, type SetupServer } from 'msw/node';
import { createLangWatchClient, type LangWatchClient } from '@revokit/langwatch';
import { createLangWatchMock, type LangWatchCore, onUnhandled } from '@revokit/mock';
import { createMockServer, type MockServer } from '@revokit/mock/server';

export type Transport = 'msw' | 'server';

export interface GatewayHarness {
  /** The gateway's base URL, without /v1. */
  readonly gatewayUrl: string;
  readonly core: LangWatchCore;
  /** The app API client, with the default project's key. */
  readonly langwatch: LangWatchClient;
  /** A new virtual key in the default project. */
  virtualKey(): { id: string; secret: string };
}

/** Two mocks on one transport: revoked keys answered 401 (the spec's default) and 403 (production's). */
export interface GatewayHarnesses {
  spec: GatewayHarness;
  production: GatewayHarness;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function gatewayHarnesses(transport: Transport): GatewayHarnesses {
  if (transport === 'server') {
    const spec = serverHarness(401);
    const production = serverHarness(403);
    return {
      spec,
      production,
      start: async () => void (await Promise.all([spec.start(), production.start()])),
      stop: async () => void (await Promise.all([spec.stop(), production.stop()])),
    };
  }
  // One setupServer for both: MSW intercepts per process, so a second one would fight the first.
  const spec = mswHarness(401);
  const production = mswHarness(403);
  let msw: SetupServer | undefined;
  return {
    spec,
    production,
    async start() {
      const server = setupServer(...spec.core.handlers, ...production.core.handlers);
      server.listen(onUnhandled('error'));
      msw = server;
    },
    async stop() {
      msw?.close();
    },
  };
}

function mswHarness(revokedKeyStatus: 401 | 403): GatewayHarness & { core: ReturnType<typeof createLangWatchMock> } {
  const gatewayUrl = `https://gateway-${revokedKeyStatus}.mock.test`;
  const appUrl = `https://app-${revokedKeyStatus}.mock.test`;
  const core = createLangWatchMock({ clock: 'frozen', revokedKeyStatus, gatewayBaseUrl: gatewayUrl, baseUrl: appUrl });
  return {
    gatewayUrl,
    core,
    langwatch: createLangWatchClient({ apiKey: core.defaultProject.apiKey, baseUrl: appUrl, maxRetries: 0 }),
    virtualKey: () => seedVirtualKey(core),
  };
}

function serverHarness(revokedKeyStatus: 401 | 403): GatewayHarness & { start(): Promise<void>; stop(): Promise<void> } {
  const server: MockServer = createMockServer({ clock: 'frozen', revokedKeyStatus, demo: false });
  let url = '';
  let langwatch: LangWatchClient | undefined;
  return {
    get gatewayUrl() {
      return url;
    },
    core: server.langwatch,
    get langwatch() {
      return langwatch!;
    },
    async start() {
      url = await server.listen({ host: '127.0.0.1', port: 0 });
      langwatch = createLangWatchClient({ apiKey: server.credentials.project.apiKey, baseUrl: url, maxRetries: 0 });
    },
    stop: () => server.close(),
    virtualKey: () => seedVirtualKey(server.langwatch),
  };
}

function seedVirtualKey(core: LangWatchCore) {
  const { virtual_key, secret } = core.seed.virtualKey();
  return { id: virtual_key.id, secret };
}
