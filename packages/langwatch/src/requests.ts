// Request bodies, from the generated types, as the methods accept them (BodyInput: optional
// fields also take undefined, arrays may be readonly).
import type { BodyInput } from '@revokit/runtime';
import type { operations as ApiKeyOperations } from './generated/api-keys/types.js';
import type { components as VirtualKeyComponents, operations as VirtualKeyOperations } from './generated/virtual-keys/types.js';

type JsonBody<Request> = Request extends { content: { 'application/json': infer Body } } ? Body : never;

/** Body of POST /api/gateway/v1/virtual-keys: `name` and `provider_credential_ids` required. */
export type CreateVirtualKeyInput = BodyInput<JsonBody<VirtualKeyOperations['postApiGatewayV1Virtual-keys']['requestBody']>>;
/** Body of PATCH /api/gateway/v1/virtual-keys/{id}: only the fields to change. */
export type UpdateVirtualKeyInput = BodyInput<JsonBody<VirtualKeyOperations['patchApiGatewayV1Virtual-keysById']['requestBody']>>;
/** A virtual key's gateway configuration (camelCase sections, each optional). */
export type VirtualKeyConfig = BodyInput<VirtualKeyComponents['schemas']['VirtualKeyConfig']>;
/** Body of POST /api/api-keys: `name` required; `bindings` required for personal keys (the default `keyType`). */
export type CreateApiKeyInput = BodyInput<JsonBody<ApiKeyOperations['createApiKey']['requestBody']>>;
