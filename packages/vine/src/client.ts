// createVineClient: the Vine key lifecycle, typed from the spec.
import createClient, { type Client } from 'openapi-fetch';
import {
  checkCredential,
  checkIdParam,
  createRedactor,
  request,
  resolveTransportOptions,
  serializePath,
  type CallOptions,
  type RequestContext,
  type TransportOptions,
} from '@revokit/runtime';
import type { paths } from './generated/vine/types.js';
import { servers, type OperationId } from './generated/vine/operations.js';
import { KEY_PREFIXES, VINE_KEY } from './credentials.js';
import { readVineError } from './error-envelope.js';
import type { RevokeKeyResponse } from './responses.js';

export interface VineClientOptions extends TransportOptions {
  /**
   * Vine API key (vine_live_… / vine_test_…), sent as Authorization: Bearer when given.
   * The revoke operation declares `security: []`, so without one nothing is sent.
   */
  apiKey?: string;
}

export interface VineClient {
  keys: {
    /** Revokes a key (idempotent on Vine's side). Retried on connection errors, timeouts, 408, 429 and 5xx. */
    revoke(id: string, options?: CallOptions): Promise<RevokeKeyResponse>;
  };
  /** The typed openapi-fetch client, credential attached, for anything beyond these methods. */
  raw: Client<paths>;
}

const REVOKE_KEY = 'postApiV1KeysByIdRevoke' satisfies OperationId;

export function createVineClient(options: VineClientOptions = {}): VineClient {
  const apiKey = checkCredential(VINE_KEY, options.apiKey);
  const transport = resolveTransportOptions(options, servers[0]);
  const context: RequestContext = {
    timeoutMs: transport.timeoutMs,
    maxRetries: transport.maxRetries,
    redact: createRedactor([apiKey]),
    readErrorEnvelope: readVineError,
    loadValidator: transport.validateResponses ? () => import('./validate.js').then((module) => module.validateResponse) : undefined,
  };
  const raw = createClient<paths>({
    baseUrl: transport.baseUrl,
    fetch: transport.fetch,
    pathSerializer: serializePath,
    redirect: 'error',
    headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {},
  });

  return {
    keys: {
      async revoke(id, callOptions) {
        const path = { id: checkIdParam(id, 'id', KEY_PREFIXES) };
        return request<RevokeKeyResponse>(
          context,
          { operation: REVOKE_KEY, policy: 'idempotent' },
          (init) => raw.POST('/api/v1/keys/{id}/revoke', { params: { path }, ...init }),
          callOptions,
        );
      },
    },
    raw,
  };
}
