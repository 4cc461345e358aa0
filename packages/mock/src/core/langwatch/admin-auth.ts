// Admin API keys as credentials: which key a token is, and the organization routes' checks in the
// real order (langwatch/src/server/api-key/auth-middleware.ts createOrgAuthMiddleware,
// app/api/middleware/org-auth.ts @ 3dca0f685f): authentication (401), then the route's permission
// (403), then the route; after a 2xx, the key's lastUsedAt moves (markUsed, "late").
import type { OperationInput } from '../dispatcher.js';
import type { MockResponse } from '../transport.js';
import { presentedToken } from './app-auth.js';
import { apiError } from './envelopes.js';
import { includes } from './permissions.js';
import { tokenOf, type ApiKeyRecord, type LangWatchState } from './state.js';

export const MANAGE_PERMISSION = 'organization:manage';
export const VIEW_PERMISSION = 'organization:view';

const NO_CREDENTIALS = 'Authentication required. Use Authorization: Bearer <api-key>.';
/** One answer for every token that is not a live admin API key: a project key, malformed, unknown, revoked, expired. */
const INVALID_CREDENTIALS =
  'Invalid credentials. Organization-level endpoints require an admin API key created in Settings > API Keys. Project API keys cannot be used here.';

/**
 * The key this token is, if it still authenticates: not revoked, not expired. A key expires after
 * its `expiresAt`, not at it (`apiKey.expiresAt < new Date()`, api-key.service.ts:663-664).
 */
export function findLiveApiKey(state: LangWatchState, token: string, now: number): ApiKeyRecord | undefined {
  for (const key of state.apiKeys.values()) {
    if (tokenOf(key) === token) return key.revokedAt === null && (key.expiresAt === null || key.expiresAt >= now) ? key : undefined;
  }
  return undefined;
}

/** After the answer is built: a use the caller's own listing shows only next time. */
export function markUsed(key: ApiKeyRecord, response: { status: number }, now: number): void {
  if (response.status >= 200 && response.status < 300) key.lastUsedAt = now;
}

/**
 * Runs `route` for a live admin key holding `permission` (`…:manage` implies `…:view`), or answers
 * 401 / 403. The permission is the key's own (the mock does not cap it by its user's on these
 * routes: docs/divergences.md).
 */
export function withAdminKey<R extends MockResponse>(state: LangWatchState, input: OperationInput, permission: string, route: (caller: ApiKeyRecord) => R) {
  const token = presentedToken(input.headers);
  if (token === undefined) return apiError(401, 'Unauthorized', NO_CREDENTIALS);
  const caller = findLiveApiKey(state, token, input.now);
  if (!caller) return apiError(401, 'Unauthorized', INVALID_CREDENTIALS);
  if (!includes(caller.permissions, permission)) return apiError(403, 'Forbidden', `Insufficient permissions. Required: ${permission}`);
  const response = route(caller);
  markUsed(caller, response, input.now);
  return response;
}
