// Response bodies, exactly as the spec defines them (from the generated types).
import type { components, operations } from './generated/vine/types.js';

type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;

/** 201 of POST /api/v1/keys: the key and its plaintext, shown this once. */
export type CreateKeyResponse = JsonBody<operations['postApiV1Keys']['responses'][201]>;
export type KeyCreated = components['schemas']['KeyCreated'];
/** 200 of POST /api/v1/keys/{id}/revoke. */
export type RevokeKeyResponse = JsonBody<operations['postApiV1KeysByIdRevoke']['responses'][200]>;
export type KeyRevoked = components['schemas']['KeyRevoked'];
