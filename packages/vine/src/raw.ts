// @revokit/vine/raw: the typed openapi-fetch client, for anything beyond the client's
// methods. A subpath of its own, so an app that only calls the methods does not bundle
// openapi-fetch.
import createClient, { type Client } from 'openapi-fetch';
import { checkCredential, resolveConnection, serializePath, type TransportOptions } from '@revokit/runtime';
import type { paths } from './generated/vine/types.js';
import { servers } from './generated/vine/operations.js';
import { VINE_KEY } from './credentials.js';

export type RawVineClient = Client<paths>;

/**
 * An openapi-fetch client with the same checks as createVineClient (key, base URL, ids in
 * paths, no redirects) and the key attached when given; none of its retries, timeouts,
 * error classes or validation.
 */
export function createRawVineClient(options: Pick<TransportOptions, 'baseUrl' | 'fetch'> & { apiKey?: string | undefined } = {}): RawVineClient {
  const apiKey = checkCredential(VINE_KEY, options.apiKey);
  const { baseUrl, fetch } = resolveConnection(options, servers[0]);
  return createClient<paths>({
    baseUrl,
    fetch,
    pathSerializer: serializePath,
    redirect: 'error',
    headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {},
  });
}
