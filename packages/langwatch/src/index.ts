// @revokit/langwatch: typed client for the LangWatch virtual-key and API-key lifecycle.
export { createLangWatchClient, type LangWatchClient, type LangWatchClientOptions } from './client.js';
export type { RevokeApiKeyResponse, RevokeVirtualKeyResponse, RotateVirtualKeyResponse, VirtualKey } from './responses.js';
export * from '@revokit/runtime/public';
