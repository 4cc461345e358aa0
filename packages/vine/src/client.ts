// createVineClient: the Vine key lifecycle, typed from the spec.
import {
  checkCredential,
  checkIdParam,
  createRedactor,
  request,
  resolveTransportOptions,
  type CallOptions,
  type ReadErrorEnvelope,
  type RequestContext,
  type ResponseValidators,
  type RouteOf,
  type TransportOptions,
} from '@revokit/runtime';
import { servers, type operations } from './generated/vine/operations.js';
import { KEY_PREFIXES, VINE_KEY } from './credentials.js';
import type { RevokeKeyResponse } from './responses.js';

/** Vine error bodies: `{ "error": { "code"?: "<code>", "message"?: "<text>" } }`. */
const readVineError: ReadErrorEnvelope = (body) => body.error;

export interface VineClientOptions extends TransportOptions {
  /**
   * Vine API key (vine_live_… / vine_test_…), sent as Authorization: Bearer when given.
   * The revoke operation declares `security: []`, so without one nothing is sent.
   */
  apiKey?: string | undefined;
  /** Check every 2xx body against the spec: `vineValidators` from `@revokit/vine/validators` (brings zod). */
  validators?: ResponseValidators<'vine'> | undefined;
}

export interface VineClient {
  keys: {
    /** Revokes a key (idempotent on Vine's side). Retried on connection errors, timeouts, 408, 429 and 5xx. */
    revoke(id: string, options?: CallOptions): Promise<RevokeKeyResponse>;
  };
}

// Typed against the generated table: a renamed operation, method or path fails the build.
const REVOKE_KEY = { operation: 'postApiV1KeysByIdRevoke', method: 'POST', path: '/api/v1/keys/{id}/revoke' } as const satisfies RouteOf<typeof operations>;

export function createVineClient(options: VineClientOptions = {}): VineClient {
  const apiKey = checkCredential(VINE_KEY, options.apiKey);
  const context: RequestContext = {
    ...resolveTransportOptions(options, { api: 'vine', defaultBaseUrl: servers[0], validators: "vineValidators from '@revokit/vine/validators'" }),
    redact: createRedactor([apiKey]),
    readErrorEnvelope: readVineError,
  };
  // Built once; redirect "error": fetch would carry the Authorization header to another origin.
  const init: RequestInit = { method: REVOKE_KEY.method, headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {}, redirect: 'error' };

  return {
    keys: {
      async revoke(id, callOptions) {
        const path = REVOKE_KEY.path.replace('{id}', checkIdParam(id, 'id', KEY_PREFIXES));
        return request<RevokeKeyResponse>(context, { operation: REVOKE_KEY.operation, name: 'keys.revoke', policy: 'idempotent', init, path }, callOptions);
      },
    },
  };
}
