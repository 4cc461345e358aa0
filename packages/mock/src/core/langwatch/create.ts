// The LangWatch mock: state, behaviours and seeders on the stateful-mock base, behind one plain
// `handle(request)`. Adapters (MSW, node:http) wrap it; it knows nothing of them.
import type { ClockMode, MockClock } from '../clock.js';
import type { Behaviour } from '../dispatcher.js';
import { createSecretTracker, RETIRED_CREDENTIALS_KEPT, type CredentialScope } from '../secrets.js';
import { createStatefulMock, type StatefulMock } from '../stateful-mock.js';
import { MAX_DURATION_MS } from '../time-range.js';
import { createApiKey } from './api-key-create.js';
import { listApiKeys } from './api-key-list.js';
import { revokeApiKey } from './api-keys.js';
import { apiErrorFor } from './envelopes.js';
import { authenticateSecret, type AuthenticateResult } from './gateway/auth.js';
import { createChatCompletion } from './gateway/chat.js';
import { createEmbedding } from './gateway/embeddings.js';
import { gatewayCodeForStatus, gatewayError } from './gateway/errors.js';
import { createMessage } from './gateway/messages.js';
import { listModels } from './gateway/models.js';
import { gatewayPrefixRule } from './gateway/unrouted.js';
import { withRequestId } from './request-id.js';
import { langWatchRoutes, type LangWatchOperationId } from './routes.js';
import { formats } from './formats.js';
import { createLangWatchSeeder, type LangWatchSeeder, type SeededProject } from './seed.js';
import { emptyState, heldCredentials, type LangWatchContext, type LangWatchState, type RevokedKeyStatus } from './state.js';
import { getVirtualKey, listVirtualKeys } from './virtual-key-reads.js';
import { createVirtualKey, updateVirtualKey } from './virtual-key-writes.js';
import { revokeVirtualKey, rotateVirtualKey } from './virtual-keys.js';

export interface LangWatchCoreOptions {
  /** A clock to share with other mocks, or the mode of a new one (default "system"). */
  clock?: MockClock | ClockMode | undefined;
  /** How long a rotated-out virtual-key secret keeps working (default 24 h). */
  graceMs?: number | undefined;
  /** How long the gateway data plane takes to see a revocation (default 60 s). */
  propagationMs?: number | undefined;
  /** The status the data plane answers a revoked key with: 401 (default, as the spec says) or 403 (as production answers since August 2026). */
  revokedKeyStatus?: RevokedKeyStatus | undefined;
  /** Journal capacity (default 1000). */
  journalSize?: number | undefined;
  /** Where its credentials are indexed for redaction (default: an index of its own; a server shares one among its worlds). */
  credentialScope?: CredentialScope | undefined;
}

/** The LangWatch mock without any transport: virtual keys, provider credentials, admin API keys and the gateway data plane. */
export interface LangWatchCore extends StatefulMock<LangWatchState, LangWatchOperationId> {
  /** The project that exists from the start (and after every reset), with its provider credential. */
  readonly defaultProject: SeededProject;
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
export const DEFAULT_REVOKED_KEY_STATUS: RevokedKeyStatus = 401;

export function createLangWatchCore(options: LangWatchCoreOptions = {}): LangWatchCore {
  const state = emptyState(formats.organizationId());
  const context: LangWatchContext = {
    state,
    // Rotated-out secrets stay covered as long as a journal entry may name them.
    secrets: createSecretTracker(
      () => heldCredentials(state),
      Math.max(RETIRED_CREDENTIALS_KEPT, Number.isSafeInteger(options.journalSize) ? options.journalSize! : 0),
      options.credentialScope,
    ),
    graceMs: duration('graceMs', options.graceMs, DEFAULT_GRACE_MS),
    propagationMs: duration('propagationMs', options.propagationMs, DEFAULT_PROPAGATION_MS),
    revokedKeyStatus: revokedKeyStatus(options.revokedKeyStatus),
  };
  // Adding an operation to a spec breaks this object's type until it has a behaviour.
  const behaviours: Record<LangWatchOperationId, Behaviour> = {
    'getApiGatewayV1Virtual-keys': (input) => listVirtualKeys(context, input),
    'postApiGatewayV1Virtual-keys': (input) => createVirtualKey(context, input),
    'getApiGatewayV1Virtual-keysById': (input) => getVirtualKey(context, input),
    'patchApiGatewayV1Virtual-keysById': (input) => updateVirtualKey(context, input),
    'postApiGatewayV1Virtual-keysByIdRevoke': (input) => revokeVirtualKey(context, input),
    'postApiGatewayV1Virtual-keysByIdRotate': (input) => rotateVirtualKey(context, input),
    listApiKeys: (input) => listApiKeys(context, input),
    createApiKey: (input) => createApiKey(context, input),
    revokeApiKey: (input) => revokeApiKey(context, input),
    gatewayListModels: (input) => listModels(context, input),
    gatewayCreateChatCompletion: (input) => createChatCompletion(context, input),
    gatewayCreateEmbedding: (input) => createEmbedding(context, input),
    gatewayCreateMessage: (input) => createMessage(context, input),
  };
  const planeOf = new Map(langWatchRoutes.map((route) => [route.name, route.plane]));
  const base = createStatefulMock({
    state: context.state,
    routes: langWatchRoutes,
    behaviours,
    clock: options.clock,
    journalSize: options.journalSize,
    secrets: context.secrets,
    planePrefixes: [gatewayPrefixRule(context)],
    errorResponse: (name, status, message) =>
      planeOf.get(name) === 'gateway' ? gatewayError(status, gatewayCodeForStatus(status), message) : apiErrorFor(name, status, message),
  });
  const { handle, reject } = base;

  let defaultProjectId = '';
  const seed = createLangWatchSeeder(context, () => base.clock.now(), () => defaultProjectId);
  const defaultProject = seed.project();
  defaultProjectId = defaultProject.id;
  base.markBaseline();

  return Object.assign(base, {
    handle: (request: Parameters<typeof handle>[0]) => withRequestId(request, handle(request)),
    // A refusal in the API's envelope (a malformed session id) is an answer like any other.
    reject: (...args: Parameters<typeof reject>) => withRequestId(args[0], reject(...args)),
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
  // Added to instants up to the year 9999, it must still end on a date: every listing prints that end.
  if (value > MAX_DURATION_MS) throw new RangeError(`${name} must be at most ${MAX_DURATION_MS} ms: past that its end is no date`);
  return value;
}

function revokedKeyStatus(value: number | undefined): RevokedKeyStatus {
  if (value === undefined) return DEFAULT_REVOKED_KEY_STATUS;
  if (value !== 401 && value !== 403) throw new RangeError(`revokedKeyStatus must be 401 or 403, not ${JSON.stringify(value)}`);
  return value;
}
