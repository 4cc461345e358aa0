// The transport-agnostic core, for adapters of one's own (the node:http server is one).
export { createClock, type ClockMode, type MockClock } from './clock.js';
export type { FaultSpec, Faults } from './faults.js';
export type { JournalEntry } from './journal.js';
export type { MockRequest, MockResponse, Outcome } from './transport.js';
export { createLangWatchCore, langWatchRoutes, DEFAULT_GRACE_MS, DEFAULT_PROPAGATION_MS, type LangWatchCore, type LangWatchCoreOptions, type LangWatchOperationId } from './langwatch/core.js';
export { gatewayOperations, type AuthenticateResult, type GatewayOperationId } from './langwatch/gateway.js';
export type { SeedApiKeyOptions, SeedVirtualKeyOptions, SeededApiKey } from './langwatch/seed.js';
export { createVineCore, vineRoutes, type VineCore, type VineCoreOptions, type VineOperationId, type SeedVineKeyOptions, type SeededVineKey } from './vine/core.js';
export { redactCredentials } from './redact.js';
