// createVineClient: the Vine key lifecycle, typed from the spec.
import {
  checkCredential,
  createRedactor,
  defineOperation,
  resolveTransportOptions,
  type CallOptions,
  type ReadErrorEnvelope,
  type RequestContext,
  type ResponseValidators,
  type RouteOf,
  type TransportOptions,
} from '@revokit/runtime';
import { servers, type operations } from './generated/vine/operations.js';
import { KEY_PREFIXES, SECRET_FIELDS, VINE_KEY } from './credentials.js';
import type { CreateKeyInput } from './requests.js';
import type { CreateKeyResponse, RevokeKeyResponse } from './responses.js';

/** Vine error bodies: `{ "error": { "code"?: "<code>", "message"?: "<text>" } }`. */
const readVineError: ReadErrorEnvelope = (body) => body.error;

export interface VineClientOptions extends TransportOptions {
  /**
   * Vine API key (vine_live_… / vine_test_…), sent as Authorization: Bearer when given.
   * Both operations declare `security: []`, so without one nothing is sent.
   */
  apiKey?: string | undefined;
  /** Check every 2xx body against the spec: `vineValidators` from `@revokit/vine/validators` (brings zod). */
  validators?: ResponseValidators<'vine'> | undefined;
}

// Every method resolves to the 2xx body exactly as the spec defines it.
export interface VineClient {
  keys: {
    /**
     * Mints a key: `{ key }`, its `plaintext` shown this once. Never retried once the request
     * may have reached the server: a repeat would mint a second key.
     */
    create(input: CreateKeyInput, options?: CallOptions): Promise<CreateKeyResponse>;
    /** Revokes a key (idempotent on Vine's side). Retried on connection errors, timeouts, 408, 429 and 5xx. */
    revoke(id: string, options?: CallOptions): Promise<RevokeKeyResponse>;
  };
}

// Typed against the generated table: a renamed operation, method or path fails the build.
type Route = RouteOf<typeof operations>;
const CREATE_KEY = { operation: 'postApiV1Keys', method: 'POST', path: '/api/v1/keys' } as const satisfies Route;
const REVOKE_KEY = { operation: 'postApiV1KeysByIdRevoke', method: 'POST', path: '/api/v1/keys/{id}/revoke' } as const satisfies Route;

export function createVineClient(options: VineClientOptions = {}): VineClient {
  const apiKey = checkCredential(VINE_KEY, options.apiKey);
  const context: RequestContext = {
    ...resolveTransportOptions(options, { api: 'vine', defaultBaseUrl: servers[0], validators: "vineValidators from '@revokit/vine/validators'" }),
    // Minted secrets too: an error body may carry a create's answer.
    redact: createRedactor([apiKey], { prefixes: KEY_PREFIXES, fields: SECRET_FIELDS }),
    readErrorEnvelope: readVineError,
  };
  const headers: Record<string, string> = apiKey ? { Authorization: `Bearer ${apiKey}` } : {};
  const shared = { headers, secretPrefixes: KEY_PREFIXES };
  const createKey = defineOperation<CreateKeyResponse>(context, { ...shared, ...CREATE_KEY, name: 'keys.create', policy: 'unsent-only', json: true });
  const revokeKey = defineOperation<RevokeKeyResponse>(context, { ...shared, ...REVOKE_KEY, name: 'keys.revoke', policy: 'idempotent' });

  return {
    keys: {
      create: (input, callOptions) => createKey(undefined, input, callOptions),
      revoke: (id, callOptions) => revokeKey(id, undefined, callOptions),
    },
  };
}
