// The LangWatch mock: state, behaviours and seeders on the stateful-mock base, behind one plain
// `handle(request)`. Adapters (MSW, node:http) wrap it; it knows nothing of them.
import type { ClockMode, MockClock } from '../clock.js';
import type { Behaviour } from '../dispatcher.js';
import { createStatefulMock, type StatefulMock } from '../stateful-mock.js';
import { revokeApiKey } from './api-keys.js';
import { apiError, errorCodeForStatus, gatewayError } from './envelopes.js';
import { authenticateSecret, createChatCompletion, listModels, type AuthenticateResult } from './gateway.js';
import { langWatchRoutes, type LangWatchOperationId } from './routes.js';
import { createLangWatchSeeder, type LangWatchSeeder } from './seed.js';
import { emptyState, type LangWatchContext, type LangWatchState, type Project } from './state.js';
import { revokeVirtualKey, rotateVirtualKey } from './virtual-keys.js';

export interface LangWatchCoreOptions {
  /** A clock to share with other mocks, or the mode of a new one (default "system"). */
  clock?: MockClock | ClockMode;
  /** How long a rotated-out virtual-key secret keeps working (default 24 h). */
  graceMs?: number;
  /** How long the gateway data plane takes to see a revocation (default 60 s). */
  propagationMs?: number;
  /** Journal capacity (default 1000). */
  journalSize?: number;
}

/** The LangWatch mock without any transport: virtual keys, admin API keys and the gateway data plane. */
export interface LangWatchCore extends StatefulMock<LangWatchState, LangWatchOperationId> {
  /** The project that exists from the start (and after every reset). */
  readonly defaultProject: Project;
  /** Creates entities directly, as a test's arrange step. */
  readonly seed: LangWatchSeeder;
  readonly gateway: {
    /** What the data plane would answer for this secret right now. */
    authenticate(secret: string | undefined): AuthenticateResult;
  };
  /** The timing rules this mock runs by. */
  readonly settings: { readonly graceMs: number; readonly propagationMs: number };
}

export const DEFAULT_GRACE_MS = 86_400_000;
export const DEFAULT_PROPAGATION_MS = 60_000;

export function createLangWatchCore(options: LangWatchCoreOptions = {}): LangWatchCore {
  const context: LangWatchContext = {
    state: emptyState(),
    graceMs: duration('graceMs', options.graceMs, DEFAULT_GRACE_MS),
    propagationMs: duration('propagationMs', options.propagationMs, DEFAULT_PROPAGATION_MS),
  };
  // Adding an operation to a spec breaks this object's type until it has a behaviour.
  const behaviours: Record<LangWatchOperationId, Behaviour> = {
    'postApiGatewayV1Virtual-keysByIdRevoke': (input) => revokeVirtualKey(context, input),
    'postApiGatewayV1Virtual-keysByIdRotate': (input) => rotateVirtualKey(context, input),
    revokeApiKey: (input) => revokeApiKey(context, input),
    gatewayListModels: (input) => listModels(context, input),
    gatewayCreateChatCompletion: (input) => createChatCompletion(context, input),
  };
  const planeOf = new Map(langWatchRoutes.map((route) => [route.name, route.plane]));
  const base = createStatefulMock({
    state: context.state,
    routes: langWatchRoutes,
    behaviours,
    clock: options.clock,
    journalSize: options.journalSize,
    errorResponse: (name, status, message) =>
      planeOf.get(name) === 'gateway'
        ? gatewayError(status, status >= 500 ? 'server_error' : 'invalid_request_error', errorCodeForStatus(status), message)
        : apiError(status, errorCodeForStatus(status), message),
  });

  let defaultProjectId = '';
  const seed = createLangWatchSeeder(context, () => base.clock.now(), () => defaultProjectId);
  const defaultProject = seed.project();
  defaultProjectId = defaultProject.id;
  base.markBaseline();

  return Object.assign(base, {
    defaultProject,
    seed,
    gateway: {
      authenticate: (secret: string | undefined) => authenticateSecret(context, secret, base.clock.now()),
    },
    settings: { graceMs: context.graceMs, propagationMs: context.propagationMs },
  });
}

function duration(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number of milliseconds >= 0`);
  return value;
}
