// @revokit/mock: stateful MSW handlers for LangWatch and Vine, and the transport-agnostic core
// (also alone, without msw, at @revokit/mock/core).
export { createLangWatchMock, DEFAULT_GATEWAY_BASE_URL, type LangWatchMock, type LangWatchMockOptions } from './msw/langwatch-mock.js';
export { createVineMock, type VineMock, type VineMockOptions } from './msw/vine-mock.js';
export { createMswHandlers } from './msw/handlers.js';
export { onUnhandled, type UnhandledOptions, type UnhandledStrategy } from './msw/unhandled.js';
export * from './core/index.js';
