// What applications see of the runtime: both clients re-export this module whole, so the
// list of public error classes lives in one place.
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
} from './errors.js';
export type { CallOptions, FetchLike } from './options.js';
