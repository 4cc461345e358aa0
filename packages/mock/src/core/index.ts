// @revokit/mock/core: the transport-agnostic mocks and their types, without msw or node:http,
// for adapters of one's own (the package's MSW handlers and node:http server are two).
export { createClock, type ClockMode, type MockClock } from './clock.js';
export type { OperationInput, Behaviour } from './dispatcher.js';
export type { FaultSpec, Faults } from './faults.js';
export { InputError, type InputSource, type Naming } from './inputs.js';
export type { JournalEntry } from './journal.js';
export { createStatefulMock, type MockRoute, type StatefulMock, type StatefulMockOptions } from './stateful-mock.js';
export type { MockRequest, MockResponse, Outcome } from './transport.js';
export { createLangWatchCore, DEFAULT_GRACE_MS, DEFAULT_PROPAGATION_MS, type LangWatchCore, type LangWatchCoreOptions } from './langwatch/create.js';
export { langWatchRoutes, type LangWatchOperationId, type LangWatchPlane } from './langwatch/routes.js';
export { gatewayOperations, type AuthenticateResult, type GatewayOperationId } from './langwatch/gateway.js';
export type { LangWatchSeeder, SeedApiKeyOptions, SeedVirtualKeyOptions, SeededApiKey, SeededVirtualKey } from './langwatch/seed.js';
export type { LangWatchState, Project, VirtualKeyRecord, ApiKeyRecord, VirtualKeyView } from './langwatch/state.js';
export { createVineCore, type VineCore, type VineCoreOptions, type SeedVineKeyOptions, type SeededVineKey, type VineSeeder } from './vine/create.js';
export { vineRoutes, type VineOperationId } from './vine/routes.js';
export type { VineState, VineKeyRecord } from './vine/state.js';
export { redactCredentials } from './redact.js';
