// @revokit/langwatch/raw: the typed openapi-fetch clients, for anything beyond the client's
// methods. A subpath of its own, so an app that only calls the methods does not bundle
// openapi-fetch.
import createClient, { type Client } from 'openapi-fetch';
import { checkCredential, resolveConnection, serializePath, type TransportOptions } from '@revokit/runtime';
import type { paths as VirtualKeyPaths } from './generated/virtual-keys/types.js';
import type { paths as ApiKeyPaths } from './generated/api-keys/types.js';
import { servers } from './generated/virtual-keys/operations.js';
import { ADMIN_KEY, PROJECT_KEY } from './credentials.js';

export interface RawLangWatchClients {
  virtualKeys: Client<VirtualKeyPaths>;
  apiKeys: Client<ApiKeyPaths>;
}

/**
 * openapi-fetch clients with the same checks as createLangWatchClient (keys, base URL, ids
 * in paths, no redirects) and the credentials attached; none of its retries, timeouts,
 * error classes or validation.
 */
export function createRawLangWatchClients(options: Pick<TransportOptions, 'baseUrl' | 'fetch'> & { apiKey?: string | undefined; adminApiKey?: string | undefined } = {}): RawLangWatchClients {
  const apiKey = checkCredential(PROJECT_KEY, options.apiKey);
  const adminApiKey = checkCredential(ADMIN_KEY, options.adminApiKey);
  const { baseUrl, fetch } = resolveConnection(options, servers[0]);
  // redirect "error": fetch keeps custom headers such as X-Auth-Token across origins.
  const shared = { baseUrl, fetch, pathSerializer: serializePath, redirect: 'error' } as const;
  return {
    virtualKeys: createClient<VirtualKeyPaths>({ ...shared, headers: apiKey ? { 'X-Auth-Token': apiKey } : {} }),
    apiKeys: createClient<ApiKeyPaths>({ ...shared, headers: adminApiKey ? { Authorization: `Bearer ${adminApiKey}` } : {} }),
  };
}
