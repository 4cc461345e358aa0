// Response bodies, exactly as the specs define them (from the generated types).
import type { operations as VirtualKeyOperations } from './generated/virtual-keys/types.js';
import type { operations as ApiKeyOperations } from './generated/api-keys/types.js';

type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;

/** 200 of POST /api/gateway/v1/virtual-keys/{id}/revoke. */
export type RevokeVirtualKeyResponse = JsonBody<VirtualKeyOperations['postApiGatewayV1Virtual-keysByIdRevoke']['responses'][200]>;
/** 200 of POST /api/gateway/v1/virtual-keys/{id}/rotate: the key and its new secret. */
export type RotateVirtualKeyResponse = JsonBody<VirtualKeyOperations['postApiGatewayV1Virtual-keysByIdRotate']['responses'][200]>;
export type VirtualKey = RevokeVirtualKeyResponse['virtual_key'];
/** 200 of DELETE /api/api-keys/{id}. */
export type RevokeApiKeyResponse = JsonBody<ApiKeyOperations['revokeApiKey']['responses'][200]>;
