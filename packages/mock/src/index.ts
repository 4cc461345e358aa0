// @revokit/mock: stateful MSW handlers for LangWatch and Vine.
export { createLangWatchMock, DEFAULT_GATEWAY_BASE_URL, type LangWatchMock, type LangWatchMockOptions } from './langwatch-mock.js';
export { createVineMock, type VineMock, type VineMockOptions } from './vine-mock.js';
export * from './core/index.js';
