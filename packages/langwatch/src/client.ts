// createLangWatchClient: the virtual-key and API-key lifecycle, typed from the specs.
import {
  checkCredential,
  createRedactor,
  defineOperation,
  requireCredential,
  resolveTransportOptions,
  type CallOptions,
  type CredentialRule,
  type OperationDefinition,
  type RequestContext,
  type ResponseValidators,
  type RouteOf,
  type TransportOptions,
} from '@revokit/runtime';
import type { operations as VirtualKeyOperations } from './generated/virtual-keys/operations.js';
import type { operations as ApiKeyOperations } from './generated/api-keys/operations.js';
import { servers } from './generated/virtual-keys/operations.js';
import { ADMIN_KEY, KEY_PREFIXES, PROJECT_KEY, SECRET_FIELDS, secretsOf } from './credentials.js';
import { readLangWatchError } from './error-envelope.js';
import type { CreateApiKeyInput, CreateVirtualKeyInput, UpdateVirtualKeyInput } from './requests.js';
import type {
  CreateApiKeyResponse,
  CreateVirtualKeyResponse,
  GetVirtualKeyResponse,
  ListApiKeysResponse,
  ListVirtualKeysResponse,
  RevokeApiKeyResponse,
  RevokeVirtualKeyResponse,
  RotateVirtualKeyResponse,
  UpdateVirtualKeyResponse,
} from './responses.js';

export interface LangWatchClientOptions extends TransportOptions {
  /** Project key (sk-lw-…, no underscore after the prefix), sent as X-Auth-Token on the virtual-key routes. */
  apiKey?: string | undefined;
  /** Admin key (sk-lw-{id}_{secret}), sent as Authorization: Bearer on /api/api-keys. */
  adminApiKey?: string | undefined;
  /** Check every 2xx body against the spec: `langwatchValidators` from `@revokit/langwatch/validators` (brings zod). */
  validators?: ResponseValidators<'langwatch'> | undefined;
}

// Every method resolves to the 2xx body exactly as the spec defines it.
export interface LangWatchClient {
  virtualKeys: {
    /** Every key of the project, revoked ones included, newest first: `{ data }`. Retried like revoke. */
    list(options?: CallOptions): Promise<ListVirtualKeysResponse>;
    /** One key, revoked or not: `{ virtual_key }`. Retried like revoke. */
    get(id: string, options?: CallOptions): Promise<GetVirtualKeyResponse>;
    /**
     * Mints a key: `{ virtual_key, secret }`, the secret shown this once. Never retried once the
     * request may have reached the server: a repeat would mint a second key.
     */
    create(input: CreateVirtualKeyInput, options?: CallOptions): Promise<CreateVirtualKeyResponse>;
    /** Changes name, description, provider credentials or config: `{ virtual_key }`. Never retried once the request may have reached the server. */
    update(id: string, patch: UpdateVirtualKeyInput, options?: CallOptions): Promise<UpdateVirtualKeyResponse>;
    /** Revokes a virtual key. Retried on connection errors, timeouts, 408, 429 and 5xx. */
    revoke(id: string, options?: CallOptions): Promise<RevokeVirtualKeyResponse>;
    /**
     * Mints a new secret (the old one stays valid for the grace window). Never retried once
     * the request may have reached the server: a repeat would mint a second secret.
     */
    rotate(id: string, options?: CallOptions): Promise<RotateVirtualKeyResponse>;
  };
  apiKeys: {
    /** The caller's keys and the service keys (a service key sees all), revoked ones left out: `{ data }`. Retried like revoke. */
    list(options?: CallOptions): Promise<ListApiKeysResponse>;
    /** Mints an API key: `{ token, apiKey }`, the token shown this once. Never retried once the request may have reached the server. */
    create(input: CreateApiKeyInput, options?: CallOptions): Promise<CreateApiKeyResponse>;
    /** Revokes an API key. Retried like virtualKeys.revoke; a 409 on a retry means an earlier attempt succeeded. */
    revoke(id: string, options?: CallOptions): Promise<RevokeApiKeyResponse>;
  };
}

// Typed against the generated tables: a renamed operation, method or path fails the build.
type Route = RouteOf<typeof VirtualKeyOperations & typeof ApiKeyOperations>;
const VIRTUAL_KEYS = '/api/gateway/v1/virtual-keys';
const LIST_VIRTUAL_KEYS = { operation: 'getApiGatewayV1Virtual-keys', method: 'GET', path: VIRTUAL_KEYS } as const satisfies Route;
const CREATE_VIRTUAL_KEY = { operation: 'postApiGatewayV1Virtual-keys', method: 'POST', path: VIRTUAL_KEYS } as const satisfies Route;
const GET_VIRTUAL_KEY = { operation: 'getApiGatewayV1Virtual-keysById', method: 'GET', path: `${VIRTUAL_KEYS}/{id}` } as const satisfies Route;
const UPDATE_VIRTUAL_KEY = { operation: 'patchApiGatewayV1Virtual-keysById', method: 'PATCH', path: `${VIRTUAL_KEYS}/{id}` } as const satisfies Route;
const REVOKE_VIRTUAL_KEY = { operation: 'postApiGatewayV1Virtual-keysByIdRevoke', method: 'POST', path: `${VIRTUAL_KEYS}/{id}/revoke` } as const satisfies Route;
const ROTATE_VIRTUAL_KEY = { operation: 'postApiGatewayV1Virtual-keysByIdRotate', method: 'POST', path: `${VIRTUAL_KEYS}/{id}/rotate` } as const satisfies Route;
const LIST_API_KEYS = { operation: 'listApiKeys', method: 'GET', path: '/api/api-keys' } as const satisfies Route;
const CREATE_API_KEY = { operation: 'createApiKey', method: 'POST', path: '/api/api-keys' } as const satisfies Route;
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
    // Minted secrets too: an error body may carry a create's or a rotate's answer.
    redact: createRedactor(secretsOf(apiKey, adminApiKey), { prefixes: KEY_PREFIXES, fields: SECRET_FIELDS }),
    readErrorEnvelope: readLangWatchError,
  };

  // The credential is checked before any request, then the id, then the body.
  const credential = (value: string | undefined, rule: CredentialRule, header: Record<string, string>) => (name: string) => ({
    name,
    headers: value ? header : {},
    secretPrefixes: KEY_PREFIXES,
    check: () => void requireCredential(value, rule, name),
  });
  const project = credential(apiKey, PROJECT_KEY, { 'X-Auth-Token': apiKey! });
  const admin = credential(adminApiKey, ADMIN_KEY, { Authorization: `Bearer ${adminApiKey}` });
  const define = <T>(definition: OperationDefinition<T>) => defineOperation<T>(context, definition);

  const listVirtualKeys = define<ListVirtualKeysResponse>({ ...project('virtualKeys.list'), ...LIST_VIRTUAL_KEYS, policy: 'idempotent' });
  const getVirtualKey = define<GetVirtualKeyResponse>({ ...project('virtualKeys.get'), ...GET_VIRTUAL_KEY, policy: 'idempotent' });
  // A second create mints a second key; a second update may cross another change.
  const createVirtualKey = define<CreateVirtualKeyResponse>({ ...project('virtualKeys.create'), ...CREATE_VIRTUAL_KEY, policy: 'unsent-only', json: true });
  const updateVirtualKey = define<UpdateVirtualKeyResponse>({ ...project('virtualKeys.update'), ...UPDATE_VIRTUAL_KEY, policy: 'unsent-only', json: true });
  const revokeVirtualKey = define<RevokeVirtualKeyResponse>({ ...project('virtualKeys.revoke'), ...REVOKE_VIRTUAL_KEY, policy: 'idempotent' });
  const rotateVirtualKey = define<RotateVirtualKeyResponse>({ ...project('virtualKeys.rotate'), ...ROTATE_VIRTUAL_KEY, policy: 'unsent-only' });
  const listApiKeys = define<ListApiKeysResponse>({ ...admin('apiKeys.list'), ...LIST_API_KEYS, policy: 'idempotent' });
  const createApiKey = define<CreateApiKeyResponse>({ ...admin('apiKeys.create'), ...CREATE_API_KEY, policy: 'unsent-only', json: true });
  const revokeApiKey = define<RevokeApiKeyResponse>({
    ...admin('apiKeys.revoke'),
    ...REVOKE_API_KEY,
    policy: 'idempotent',
    // "Already revoked" after a lost response: the earlier attempt did the revoking.
    recoverOnRetry: (error) => (error.status === 409 ? { success: true } : undefined),
  });

  return {
    virtualKeys: {
      list: (callOptions) => listVirtualKeys(undefined, undefined, callOptions),
      get: (id, callOptions) => getVirtualKey(id, undefined, callOptions),
      create: (input, callOptions) => createVirtualKey(undefined, input, callOptions),
      update: (id, patch, callOptions) => updateVirtualKey(id, patch, callOptions),
      revoke: (id, callOptions) => revokeVirtualKey(id, undefined, callOptions),
      rotate: (id, callOptions) => rotateVirtualKey(id, undefined, callOptions),
    },
    apiKeys: {
      list: (callOptions) => listApiKeys(undefined, undefined, callOptions),
      create: (input, callOptions) => createApiKey(undefined, input, callOptions),
      revoke: (id, callOptions) => revokeApiKey(id, undefined, callOptions),
    },
  };
}
