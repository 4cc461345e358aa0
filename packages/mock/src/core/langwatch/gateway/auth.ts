// Which virtual key a data-plane request carries, and what the gateway makes of it. The gateway
// learns of a revocation `propagationMs` after it happened; a revocation also cleared the key's
// previous (grace) secret, so once it has propagated that secret is simply unknown.
import type { OperationInput } from '../../dispatcher.js';
import type { MockResponse } from '../../transport.js';
import type { LangWatchContext, PreviousSecret, VirtualKeyRecord } from '../state.js';
import { gatewayError } from './errors.js';

export type AuthenticateResult =
  | { ok: true; virtualKeyId: string }
  | { ok: false; reason: 'missing' | 'unknown' | 'revoked' | 'grace_expired' };

export type Rejection = Exclude<AuthenticateResult, { ok: true }>['reason'];

export function authenticateSecret(context: LangWatchContext, secret: string | undefined, now: number): AuthenticateResult {
  if (!secret) return { ok: false, reason: 'missing' };
  const found = findBySecret(context.state.virtualKeys.values(), secret);
  if (!found) return { ok: false, reason: 'unknown' };
  const { key, previous } = found;
  const propagated = key.revokedAt !== null && now >= key.revokedAt + context.propagationMs;
  // Once the gateway sees the revocation, the cleared previous secret is one it never heard of.
  if (propagated) return { ok: false, reason: previous ? 'unknown' : 'revoked' };
  if (previous && now >= previous.validUntil) return { ok: false, reason: 'grace_expired' };
  return { ok: true, virtualKeyId: key.id };
}

/** The key holding `secret`, and the previous secret it matched (undefined when it is the current one). */
function findBySecret(keys: Iterable<VirtualKeyRecord>, secret: string): { key: VirtualKeyRecord; previous?: PreviousSecret } | undefined {
  for (const key of keys) {
    if (key.secret === secret) return { key };
    const previous = key.previous ?? key.revokedPrevious;
    if (previous?.secret === secret) return { key, previous };
  }
  return undefined;
}

/** Header names after `Authorization: Bearer`, in the gateway's order (xi-api-key: production since August 2026). */
const KEY_HEADERS = ['x-api-key', 'x-goog-api-key', 'xi-api-key'] as const;

/**
 * The secret as the gateway reads it (adapters/httpapi/middleware.go, extractToken):
 * `Authorization: Bearer <key>` (any case of "Bearer"), else the first non-empty key header.
 * Any other Authorization scheme falls through to the key headers. "" means sent but blank.
 */
export function presentedSecret(headers: OperationInput['headers']): string | undefined {
  const authorization = headers.authorization;
  if (authorization !== undefined && authorization.length > 7 && authorization.slice(0, 7).toLowerCase() === 'bearer ') {
    return authorization.slice(7).trim();
  }
  for (const name of KEY_HEADERS) {
    const value = headers[name];
    if (value) return value.trim();
  }
  return undefined;
}

export const MISSING_KEY_MESSAGE = 'missing API key; supply Authorization: Bearer <key>, x-api-key, x-goog-api-key, or xi-api-key header';

/** The gateway's answer to a rejected secret. A grace-expired secret is as unknown as a made-up one. */
export function rejection(reason: Rejection, revokedKeyStatus: number): MockResponse {
  switch (reason) {
    case 'missing':
      return gatewayError(401, 'invalid_api_key', MISSING_KEY_MESSAGE);
    case 'revoked':
      return gatewayError(revokedKeyStatus, 'virtual_key_revoked');
    default:
      return gatewayError(401, 'invalid_api_key');
  }
}

/** The key a request authenticates as, or the gateway's answer when it does not. */
export function authenticateRequest(context: LangWatchContext, headers: OperationInput['headers'], now: number): { key: VirtualKeyRecord } | { response: MockResponse } {
  const result = authenticateSecret(context, presentedSecret(headers), now);
  if (!result.ok) return { response: rejection(result.reason, context.revokedKeyStatus) };
  return { key: context.state.virtualKeys.get(result.virtualKeyId)! };
}

/** Runs `respond` for an accepted secret, recording the use; otherwise the gateway's rejection. */
export function withVirtualKey(context: LangWatchContext, input: OperationInput, respond: () => MockResponse): MockResponse {
  const auth = authenticateRequest(context, input.headers, input.now);
  if ('response' in auth) return auth.response;
  auth.key.lastUsedAt = input.now;
  return respond();
}
