// @revokit/runtime: what both clients share. Not meant for direct use by applications.
export * from './public.js';
export { apiErrorFor, type ApiErrorInit, type ResponseValidationErrorInit } from './errors.js';
export { checkCredential, requireCredential, type CredentialRule, type WrongKind } from './credentials.js';
export { createRedactor, redactHeaders, REDACTED, type Redactor } from './redact.js';
export { checkIdParam, encodePathParam, serializePath, type RouteOf } from './path.js';
export {
  resolveConnection,
  resolveTransportOptions,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type ClientInfo,
  type ResolvedTransportOptions,
  type TransportOptions,
} from './options.js';
export {
  backoffMs,
  isRetryable,
  parseRetryAfterMs,
  retryDelayMs,
  INITIAL_RETRY_DELAY_MS,
  MAX_RETRY_AFTER_MS,
  MAX_RETRY_DELAY_MS,
  type FailureFacts,
  type RetryPolicy,
} from './retry.js';
export { provesNeverSent } from './never-sent.js';
export { request, type OperationCall, type RequestContext } from './request.js';
export type { ErrorEnvelope, ReadErrorEnvelope } from './response.js';
// validatorsFor/describeIssue live at @revokit/runtime/validation: only each client's
// validators module (imported by the app, never by the client) uses them.
export type { ResponseValidator, ResponseValidators, ValidationProblem } from './validation.js';
