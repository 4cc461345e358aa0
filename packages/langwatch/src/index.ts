// @revokit/langwatch: typed client for the LangWatch virtual-key and API-key lifecycle.
export { createLangWatchClient, type LangWatchClient, type LangWatchClientOptions } from './client.js';
export type { CreateApiKeyInput, CreateVirtualKeyInput, UpdateVirtualKeyInput, VirtualKeyConfig } from './requests.js';
export type {
  ApiKeyInfo,
  CreateApiKeyResponse,
  CreateVirtualKeyResponse,
  GetVirtualKeyResponse,
  ListApiKeysResponse,
  ListVirtualKeysResponse,
  RevokeApiKeyResponse,
  RevokeVirtualKeyResponse,
  RotateVirtualKeyResponse,
  UpdateVirtualKeyResponse,
  VirtualKey,
} from './responses.js';
export * from '@revokit/runtime/public';
