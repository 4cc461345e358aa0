// createLangWatchClient: the virtual-key and API-key lifecycle, typed from the specs.
import {
  checkCredential,
  checkIdParam,
  createRedactor,
  request,
  requireCredential,
  resolveTransportOptions,
  type CallOptions,
  type CredentialRule,
  type OperationCall,
  type ReadErrorEnvelope,
  type RequestContext,
  type ResponseValidators,
  type RouteOf,
  type TransportOptions,
} from '@revokit/runtime';
import type { operations as VirtualKeyOperations } from './generated/virtual-keys/operations.js';
import type { operations as ApiKeyOperations } from './generated/api-keys/operations.js';
import { servers } from './generated/virtual-keys/operations.js';
import { ADMIN_KEY, KEY_PREFIXES, PROJECT_KEY, secretsOf } from './credentials.js';
import type { RevokeApiKeyResponse, RevokeVirtualKeyResponse, RotateVirtualKeyResponse } from './responses.js';

/** LangWatch error bodies: `{ "error": "<code or text>", "message"?: "<text>" }`. */
const readLangWatchError: ReadErrorEnvelope = (body) => ({ code: body.error, message: body.message });

export interface LangWatchClientOptions extends TransportOptions {
  /** Project key (sk-lw-…, no underscore after the prefix), sent as X-Auth-Token on the virtual-key routes. */
  apiKey?: string | undefined;
  /** Admin key (sk-lw-{id}_{secret}), sent as Authorization: Bearer on /api/api-keys. */
  adminApiKey?: string | undefined;
  /** Check every 2xx body against the spec: `langwatchValidators` from `@revokit/langwatch/validators` (brings zod). */
  validators?: ResponseValidators<'langwatch'> | undefined;
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
}

// Typed against the generated tables: a renamed operation, method or path fails the build.
type Route = RouteOf<typeof VirtualKeyOperations & typeof ApiKeyOperations>;
const REVOKE_VIRTUAL_KEY = { operation: 'postApiGatewayV1Virtual-keysByIdRevoke', method: 'POST', path: '/api/gateway/v1/virtual-keys/{id}/revoke' } as const satisfies Route;
const ROTATE_VIRTUAL_KEY = { operation: 'postApiGatewayV1Virtual-keysByIdRotate', method: 'POST', path: '/api/gateway/v1/virtual-keys/{id}/rotate' } as const satisfies Route;
const REVOKE_API_KEY = { operation: 'revokeApiKey', method: 'DELETE', path: '/api/api-keys/{id}' } as const satisfies Route;

export function createLangWatchClient(options: LangWatchClientOptions = {}): LangWatchClient {
  const apiKey = checkCredential(PROJECT_KEY, options.apiKey);
  const adminApiKey = checkCredential(ADMIN_KEY, options.adminApiKey);
  const context: RequestContext = {
    ...resolveTransportOptions(options, {
      api: 'langwatch',
      defaultBaseUrl: servers[0],
      validators: "langwatchValidators from '@revokit/langwatch/validators'",
    }),
    redact: createRedactor(secretsOf(apiKey, adminApiKey)),
    readErrorEnvelope: readLangWatchError,
  };

  // One method per operation: credential and id checked before any request. The request
  // init is built once: redirect "error", as fetch keeps X-Auth-Token across origins.
  const method = <T>(
    name: string,
    [credential, rule, headers]: [string | undefined, CredentialRule, Record<string, string>],
    { method, path, ...call }: Route & Omit<OperationCall<T>, 'init' | 'path'>,
  ) => {
    const init: RequestInit = { method, headers, redirect: 'error' };
    return async (id: string, callOptions?: CallOptions): Promise<T> => {
      requireCredential(credential, rule, name);
      return request<T>(context, { ...call, name, init, path: path.replace('{id}', checkIdParam(id, 'id', KEY_PREFIXES)) }, callOptions);
    };
  };
  const project = [apiKey, PROJECT_KEY, apiKey ? { 'X-Auth-Token': apiKey } : {}] as [string | undefined, CredentialRule, Record<string, string>];
  const admin = [adminApiKey, ADMIN_KEY, adminApiKey ? { Authorization: `Bearer ${adminApiKey}` } : {}] as typeof project;

  return {
    virtualKeys: {
      revoke: method<RevokeVirtualKeyResponse>('virtualKeys.revoke', project, { ...REVOKE_VIRTUAL_KEY, policy: 'idempotent' }),
      rotate: method<RotateVirtualKeyResponse>('virtualKeys.rotate', project, { ...ROTATE_VIRTUAL_KEY, policy: 'unsent-only' }),
    },
    apiKeys: {
      revoke: method<RevokeApiKeyResponse>('apiKeys.revoke', admin, {
        ...REVOKE_API_KEY,
        policy: 'idempotent',
        // "Already revoked" after a lost response: the earlier attempt did the revoking.
        recoverOnRetry: (error) => (error.status === 409 ? { success: true } : undefined),
      }),
    },
  };
}
