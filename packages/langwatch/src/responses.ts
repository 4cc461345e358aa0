// Response bodies, exactly as the specs define them (from the generated types).
import type { components as ApiKeyComponents, operations as ApiKeyOperations } from './generated/api-keys/types.js';
import type { operations as VirtualKeyOperations } from './generated/virtual-keys/types.js';

type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;

/** 200 of GET /api/gateway/v1/virtual-keys: every key of the project, revoked ones included, newest first. */
export type ListVirtualKeysResponse = JsonBody<VirtualKeyOperations['getApiGatewayV1Virtual-keys']['responses'][200]>;
/** 201 of POST /api/gateway/v1/virtual-keys: the key and its secret, shown this once. */
export type CreateVirtualKeyResponse = JsonBody<VirtualKeyOperations['postApiGatewayV1Virtual-keys']['responses'][201]>;
/** 200 of GET /api/gateway/v1/virtual-keys/{id}. */
export type GetVirtualKeyResponse = JsonBody<VirtualKeyOperations['getApiGatewayV1Virtual-keysById']['responses'][200]>;
/** 200 of PATCH /api/gateway/v1/virtual-keys/{id}. */
export type UpdateVirtualKeyResponse = JsonBody<VirtualKeyOperations['patchApiGatewayV1Virtual-keysById']['responses'][200]>;
/** 200 of POST /api/gateway/v1/virtual-keys/{id}/revoke. */
export type RevokeVirtualKeyResponse = JsonBody<VirtualKeyOperations['postApiGatewayV1Virtual-keysByIdRevoke']['responses'][200]>;
/** 200 of POST /api/gateway/v1/virtual-keys/{id}/rotate: the key and its new secret. */
export type RotateVirtualKeyResponse = JsonBody<VirtualKeyOperations['postApiGatewayV1Virtual-keysByIdRotate']['responses'][200]>;
export type VirtualKey = RevokeVirtualKeyResponse['virtual_key'];

/** 200 of GET /api/api-keys: the caller's keys and the service keys (a service key sees all), revoked ones left out. */
export type ListApiKeysResponse = JsonBody<ApiKeyOperations['listApiKeys']['responses'][200]>;
export type ApiKeyInfo = ApiKeyComponents['schemas']['ApiKeyInfo'];
/** 201 of POST /api/api-keys: the token, shown this once, and the new key's row. */
export type CreateApiKeyResponse = JsonBody<ApiKeyOperations['createApiKey']['responses'][201]>;
/** 200 of DELETE /api/api-keys/{id}. */
export type RevokeApiKeyResponse = JsonBody<ApiKeyOperations['revokeApiKey']['responses'][200]>;
