// DELETE /api/api-keys/{id}: the admin API's revoke, with its checks and answers in the real order
// (langwatch/src/server/api-key/auth-middleware.ts createOrgAuthMiddleware, app/api/middleware/org-auth.ts,
// app/api/api-keys/[[...route]]/app.ts, server/api-key/api-key.service.ts revoke).
import type { operations } from '@revokit/langwatch/generated/api-keys/types';
import type { OperationInput } from '../dispatcher.js';
import type { SpecResponse } from '../spec-response.js';
import { presentedToken } from './app-auth.js';
import { apiError, type LangWatchError } from './envelopes.js';
import { tokenOf, type ApiKeyRecord, type LangWatchContext, type LangWatchState } from './state.js';

type RevokeApiKeyResponse = SpecResponse<operations['revokeApiKey'], LangWatchError>;

export const MANAGE_PERMISSION = 'organization:manage';

const NO_CREDENTIALS = 'Authentication required. Use Authorization: Bearer <api-key>.';
/** One answer for every token that is not a live admin API key: a project key, malformed, unknown, revoked. */
const INVALID_CREDENTIALS =
  'Invalid credentials. Organization-level endpoints require an admin API key created in Settings > API Keys. Project API keys cannot be used here.';

/** The admin API key the token belongs to, if it is one and not revoked; else the 401 message. */
function authenticateAdmin(state: LangWatchState, token: string | undefined): { key: ApiKeyRecord } | { message: string } {
  if (token === undefined) return { message: NO_CREDENTIALS };
  for (const key of state.apiKeys.values()) {
    if (key.revokedAt === null && tokenOf(key) === token) return { key };
  }
  return { message: INVALID_CREDENTIALS };
}

export function revokeApiKey(context: LangWatchContext, input: OperationInput): RevokeApiKeyResponse {
  const { state } = context;
  const caller = authenticateAdmin(state, presentedToken(input.headers));
  if ('message' in caller) return apiError(401, 'Unauthorized', caller.message);
  // The permission is checked before the target is looked up.
  if (!caller.key.permissions.includes(MANAGE_PERMISSION)) {
    return apiError(403, 'Forbidden', `Insufficient permissions. Required: ${MANAGE_PERMISSION}`);
  }
  const target = state.apiKeys.get(input.params.id ?? '');
  if (!target) return apiError(404, 'Not Found', 'API key not found');
  // The spec documents this 403. The service of May 2026 could not reach it (the route passed
  // callerIsAdmin: true); production checks it again since August 2026 (docs/divergences.md).
  if (caller.key.role !== 'admin' && caller.key.ownerUserId !== target.ownerUserId) {
    return apiError(403, 'Forbidden', 'Not authorized to modify this API Key');
  }
  if (target.revokedAt !== null) return apiError(409, 'Conflict', 'API Key is already revoked');
  target.revokedAt = input.now;
  return { status: 200, body: { success: true } };
}
