// createLangWatchClient: the virtual-key and API-key lifecycle, typed from the specs.
import createClient, { type Client } from 'openapi-fetch';
import {
  checkCredential,
  checkIdParam,
  createRedactor,
  request,
  requireCredential,
  resolveTransportOptions,
  serializePath,
  type CallOptions,
  type CredentialRule,
  type OperationCall,
  type RequestContext,
  type Send,
  type TransportOptions,
} from '@revokit/runtime';
import type { paths as GatewayPaths } from './generated/gateway/types.js';
import type { paths as ApiKeyPaths } from './generated/api-keys/types.js';
import type { OperationId as GatewayOperationId } from './generated/gateway/operations.js';
import type { OperationId as ApiKeyOperationId } from './generated/api-keys/operations.js';
import { servers } from './generated/gateway/operations.js';
import { ADMIN_KEY, KEY_PREFIXES, PROJECT_KEY, secretsOf } from './credentials.js';
import { readLangWatchError } from './error-envelope.js';
import type { RevokeApiKeyResponse, RevokeVirtualKeyResponse, RotateVirtualKeyResponse } from './responses.js';

export interface LangWatchClientOptions extends TransportOptions {
  /** Project key (sk-lw-…, no underscore after the prefix), sent as X-Auth-Token on the virtual-key routes. */
  apiKey?: string;
  /** Admin key (sk-lw-{id}_{secret}), sent as Authorization: Bearer on /api/api-keys. */
  adminApiKey?: string;
}

export interface LangWatchClient {
  virtualKeys: {
    /** Revokes a virtual key. Retried on connection errors, timeouts, 408, 429 and 5xx. */
    revoke(id: string, options?: CallOptions): Promise<RevokeVirtualKeyResponse>;
    /**
     * Mints a new secret (the old one stays valid for the grace window). Never retried once
     * the request may have reached the server: a repeat would mint a second secret.
     */
    rotate(id: string, options?: CallOptions): Promise<RotateVirtualKeyResponse>;
  };
  apiKeys: {
    /** Revokes an API key. Retried like virtualKeys.revoke; a 409 on a retry means an earlier attempt succeeded. */
    revoke(id: string, options?: CallOptions): Promise<RevokeApiKeyResponse>;
  };
  /** The typed openapi-fetch clients, credentials attached, for anything beyond these methods. */
  raw: {
    gateway: Client<GatewayPaths>;
    apiKeys: Client<ApiKeyPaths>;
  };
}

// Typed against the generated tables: a renamed operation fails the build.
type OperationName = GatewayOperationId | ApiKeyOperationId;

export function createLangWatchClient(options: LangWatchClientOptions = {}): LangWatchClient {
  const apiKey = checkCredential(PROJECT_KEY, options.apiKey);
  const adminApiKey = checkCredential(ADMIN_KEY, options.adminApiKey);
  const transport = resolveTransportOptions(options, servers[0]);
  const context: RequestContext = {
    timeoutMs: transport.timeoutMs,
    maxRetries: transport.maxRetries,
    redact: createRedactor(secretsOf(apiKey, adminApiKey)),
    readErrorEnvelope: readLangWatchError,
    loadValidator: transport.validateResponses ? () => import('./validate.js').then((module) => module.validateResponse) : undefined,
  };
  // redirect "error": fetch keeps custom headers such as X-Auth-Token across origins.
  const shared = { baseUrl: transport.baseUrl, fetch: transport.fetch, pathSerializer: serializePath, redirect: 'error' } as const;
  const gateway = createClient<GatewayPaths>({ ...shared, headers: apiKey ? { 'X-Auth-Token': apiKey } : {} });
  const apiKeys = createClient<ApiKeyPaths>({ ...shared, headers: adminApiKey ? { Authorization: `Bearer ${adminApiKey}` } : {} });

  // One method per operation: credential and id checked before any request.
  const method =
    <T>(name: string, credential: string | undefined, rule: CredentialRule, call: OperationCall<T>, send: (path: { id: string }) => Send) =>
    async (id: string, callOptions?: CallOptions): Promise<T> => {
      requireCredential(credential, rule, name);
      return request(context, call, send({ id: checkIdParam(id, 'id', KEY_PREFIXES) }), callOptions);
    };

  return {
    virtualKeys: {
      revoke: method<RevokeVirtualKeyResponse>(
        'virtualKeys.revoke',
        apiKey,
        PROJECT_KEY,
        { operation: 'postApiGatewayV1Virtual-keysByIdRevoke' satisfies OperationName, policy: 'idempotent' },
        (path) => (init) => gateway.POST('/api/gateway/v1/virtual-keys/{id}/revoke', { params: { path }, ...init }),
      ),
      rotate: method<RotateVirtualKeyResponse>(
        'virtualKeys.rotate',
        apiKey,
        PROJECT_KEY,
        { operation: 'postApiGatewayV1Virtual-keysByIdRotate' satisfies OperationName, policy: 'unsent-only' },
        (path) => (init) => gateway.POST('/api/gateway/v1/virtual-keys/{id}/rotate', { params: { path }, ...init }),
      ),
    },
    apiKeys: {
      revoke: method<RevokeApiKeyResponse>(
        'apiKeys.revoke',
        adminApiKey,
        ADMIN_KEY,
        {
          operation: 'revokeApiKey' satisfies OperationName,
          policy: 'idempotent',
          // "Already revoked" after a lost response: the earlier attempt did the revoking.
          recoverOnRetry: (error) => (error.status === 409 ? { success: true } : undefined),
        },
        (path) => (init) => apiKeys.DELETE('/api/api-keys/{id}', { params: { path }, ...init }),
      ),
    },
    raw: { gateway, apiKeys },
  };
}
