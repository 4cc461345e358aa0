// DELETE /api/api-keys/{id}: the admin API's revoke, with its checks and answers in the real order
// (langwatch/src/server/api-key/auth-middleware.ts createOrgAuthMiddleware, app/api/middleware/org-auth.ts,
// app/api/api-keys/[[...route]]/app.ts, server/api-key/api-key.service.ts revoke).
import type { operations } from '@revokit/langwatch/generated/api-keys/types';
import type { OperationInput } from '../dispatcher.js';
import type { SpecResponse } from '../spec-response.js';
import { MANAGE_PERMISSION, withAdminKey } from './admin-auth.js';
import { apiError, type LangWatchError } from './envelopes.js';
import type { LangWatchContext } from './state.js';

type RevokeApiKeyResponse = SpecResponse<operations['revokeApiKey'], LangWatchError>;

export function revokeApiKey(context: LangWatchContext, input: OperationInput): RevokeApiKeyResponse {
  const { state } = context;
  // The permission is checked before the target is looked up.
  return withAdminKey(state, input, MANAGE_PERMISSION, (caller) => {
    const target = state.apiKeys.get(input.params.id ?? '');
    if (!target) return apiError(404, 'Not Found', 'API key not found');
    // The spec documents this 403. The service of May 2026 could not reach it (the route passed
    // callerIsAdmin: true); production checks it again since August 2026, and refuses a non-admin
    // any ownerless (service) key: `!apiKey.userId || apiKey.userId !== callerUserId` (docs/divergences.md).
    if (caller.role !== 'admin' && (target.ownerUserId === null || caller.ownerUserId !== target.ownerUserId)) {
      return apiError(403, 'Forbidden', 'Not authorized to modify this API Key');
    }
    if (target.revokedAt !== null) return apiError(409, 'Conflict', 'API Key is already revoked');
    target.revokedAt = input.now;
    return { status: 200, body: { success: true } };
  });
}
