// @revokit/vine: typed client for the Vine key lifecycle.
export { createVineClient, type VineClient, type VineClientOptions } from './client.js';
export type { KeyRevoked, RevokeKeyResponse } from './responses.js';
export {
  RevokitError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  ApiConnectionError,
  ApiTimeoutError,
  ResponseValidationError,
  type CallOptions,
  type FetchLike,
} from '@revokit/runtime';
