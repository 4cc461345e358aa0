// @revokit/vine: typed client for the Vine key lifecycle.
export { createVineClient, type VineClient, type VineClientOptions } from './client.js';
export type { CreateKeyInput } from './requests.js';
export type { CreateKeyResponse, KeyCreated, KeyRevoked, RevokeKeyResponse } from './responses.js';
export * from '@revokit/runtime/public';
