// @revokit/mock/core: the transport-agnostic mocks and their types, without msw or node:http,
// for adapters of one's own (the package's MSW handlers and node:http server are two).
export { createClock, type ClockMode, type MockClock } from './clock.js';
export type { OperationInput, Behaviour } from './dispatcher.js';
export type { FaultSpec, Faults } from './faults.js';
export { InputError, type InputSource, type Naming } from './inputs.js';
export type { JournalEntry } from './journal.js';
export { createStatefulMock, type MockRoute, type StatefulMock, type StatefulMockOptions } from './stateful-mock.js';
export type { MockRequest, MockResponse, Outcome, ServerSentEvent } from './transport.js';
export type { PlanePrefix } from './plane-prefix.js';
export {
  createLangWatchCore,
  DEFAULT_GRACE_MS,
  DEFAULT_PROPAGATION_MS,
  DEFAULT_REVOKED_KEY_STATUS,
  type LangWatchCore,
  type LangWatchCoreOptions,
} from './langwatch/create.js';
export { langWatchRoutes, type LangWatchOperationId, type LangWatchPlane } from './langwatch/routes.js';
export type { AuthenticateResult } from './langwatch/gateway/auth.js';
export { gatewayOperations, type GatewayOperationId } from './langwatch/gateway/operations.js';
export type {
  LangWatchSeeder,
  SeedApiKeyOptions,
  SeedProviderCredentialOptions,
  SeedRoleBinding,
  SeedVirtualKeyOptions,
  SeededApiKey,
  SeededProject,
  SeededVirtualKey,
} from './langwatch/seed.js';
export type { ProviderCredentialView } from './langwatch/provider-credentials.js';
export type { VirtualKeyConfig } from './langwatch/virtual-key-config.js';
export type {
  LangWatchState,
  Project,
  ProviderCredentialRecord,
  VirtualKeyRecord,
  PreviousSecret,
  ApiKeyRecord,
  RoleBinding,
  VirtualKeyView,
  RevokedKeyStatus,
} from './langwatch/state.js';
export { createVineCore, type VineCore, type VineCoreOptions, type SeedVineKeyOptions, type SeededVineKey, type VineSeeder } from './vine/create.js';
export { vineRoutes, type VineOperationId } from './vine/routes.js';
export type { VineState, VineKeyRecord } from './vine/state.js';
export { createRedactor, type Redactor } from './redact.js';
export { createSecretTracker, type CredentialIndex, type CredentialScope, type EndableTracker, type SecretSource, type SecretTracker } from './secrets.js';
