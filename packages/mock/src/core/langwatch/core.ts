// The LangWatch mock's domain core: state, clock, faults and journal behind one plain
// `handle(request)`. Adapters (MSW, node:http) wrap it; it knows nothing of them.
import { operations as gatewayApi } from '@revokit/langwatch/generated/gateway/operations';
import { operations as apiKeysApi } from '@revokit/langwatch/generated/api-keys/operations';
import type { ClockMode, MockClock } from '../clock.js';
import type { Behaviour } from '../dispatcher.js';
import { createKernel } from '../kernel.js';
import { revokeApiKey } from './api-keys.js';
import type { LangWatchContext } from './context.js';
import { apiError, errorCodeForStatus, gatewayError } from './envelopes.js';
import { authenticateSecret, createChatCompletion, gatewayOperations, listModels, type AuthenticateResult, type GatewayOperationId } from './gateway.js';
import { createLangWatchSeeder } from './seed.js';
import { createSecretTracker, RETIRED_CREDENTIALS_KEPT } from '../secrets.js';
import { emptyState, heldCredentials, type Project } from './state.js';
import { revokeVirtualKey, rotateVirtualKey } from './virtual-keys.js';

export type LangWatchOperationId = keyof typeof gatewayApi | keyof typeof apiKeysApi | GatewayOperationId;

/** Which base URL a route lives under. */
export type LangWatchPlane = 'app' | 'gateway';

export interface LangWatchCoreOptions {
  /** A clock to share with other mocks, or the mode of a new one (default "system"). */
  clock?: MockClock | ClockMode;
  /** Default 24 h. */
  graceMs?: number;
  /** Default 60 s. */
  propagationMs?: number;
  /** Journal capacity (default 1000). */
  journalSize?: number;
}

export const DEFAULT_GRACE_MS = 86_400_000;
export const DEFAULT_PROPAGATION_MS = 60_000;

export const langWatchRoutes = [
  ...Object.values(gatewayApi).map(({ operationId, method, path }) => ({ name: operationId, method, path, plane: 'app' as const })),
  ...Object.values(apiKeysApi).map(({ operationId, method, path }) => ({ name: operationId, method, path, plane: 'app' as const })),
  ...Object.entries(gatewayOperations).map(([name, { method, path }]) => ({ name: name as GatewayOperationId, method, path, plane: 'gateway' as const })),
];

export function createLangWatchCore(options: LangWatchCoreOptions = {}) {
  const state = emptyState();
  const context: LangWatchContext = {
    state,
    // Rotated-out secrets stay covered as long as a journal entry may name them.
    secrets: createSecretTracker(() => heldCredentials(state), Math.max(RETIRED_CREDENTIALS_KEPT, Number.isSafeInteger(options.journalSize) ? options.journalSize! : 0)),
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
  const kernel = createKernel({
    state: context.state,
    routes: langWatchRoutes,
    behaviours,
    clock: options.clock,
    journalSize: options.journalSize,
    secrets: context.secrets,
    errorResponse: (name, status, message) =>
      planeOf.get(name) === 'gateway'
        ? gatewayError(status, status >= 500 ? 'server_error' : 'invalid_request_error', errorCodeForStatus(status), message)
        : apiError(status, errorCodeForStatus(status), message),
  });

  let defaultProjectId = '';
  const seed = createLangWatchSeeder(context, () => kernel.clock.now(), () => defaultProjectId);
  const defaultProject: Project = seed.project();
  defaultProjectId = defaultProject.id;
  kernel.markBaseline();

  return Object.assign(kernel, {
    defaultProject: { ...defaultProject },
    seed,
    gateway: {
      /** What the data plane would answer for this secret right now. */
      authenticate: (secret: string | undefined): AuthenticateResult => authenticateSecret(context, secret, kernel.clock.now()),
    },
  });
}

export type LangWatchCore = ReturnType<typeof createLangWatchCore>;

function duration(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number of milliseconds >= 0`);
  return value;
}
