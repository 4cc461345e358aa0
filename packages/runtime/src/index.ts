// @revokit/runtime: what both clients share, and only that (applications import the clients,
// which re-export ./public.js). Validation helpers are at @revokit/runtime/validation, imported
// only by each client's validators module, which the app imports itself.
export * from './public.js';
export { checkCredential, requireCredential, type CredentialRule, type WrongKind } from './credentials.js';
export { createRedactor, type RedactionRules } from './redact.js';
export { checkIdParam, serializePath, type RouteOf } from './path.js';
export { resolveConnection, resolveTransportOptions, type TransportOptions } from './options.js';
export { provesNeverSent } from './never-sent.js';
export { request, type OperationCall, type RequestContext } from './request.js';
export { defineOperation, jsonBody, type Operation, type OperationDefinition } from './operation.js';
export { formatPath } from './validation.js';
export type { BodyInput } from './input.js';
export type { ReadErrorEnvelope } from './response.js';
export type { ResponseValidators } from './validation.js';
