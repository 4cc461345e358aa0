// DELETE /api/api-keys/{id}: the admin API's revoke, with its checks in the real order.
import type { operations } from '@revokit/langwatch/generated/api-keys/types';
import type { OperationInput } from '../dispatcher.js';
import type { SpecResponse } from '../spec-response.js';
import { apiError, type LangWatchError } from './envelopes.js';
import type { ApiKeyRecord, LangWatchContext, LangWatchState } from './state.js';

type RevokeApiKeyResponse = SpecResponse<operations['revokeApiKey'], LangWatchError>;

const ADMIN_TOKEN = /^sk-lw-([A-Za-z0-9]{16})_([A-Za-z0-9]{48})$/;
const PROJECT_KEY = /^sk-lw-[A-Za-z0-9]+$/;
export const MANAGE_PERMISSION = 'organization:manage';

type Caller = { ok: true; key: ApiKeyRecord } | { ok: false; message: string };

function authenticateAdmin(state: LangWatchState, authorization: string | undefined): Caller {
  if (!authorization?.trim()) return { ok: false, message: 'Missing Authorization header: send "Bearer sk-lw-{id}_{secret}"' };
  const bearer = /^bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!bearer) return { ok: false, message: 'The Authorization header must be "Bearer sk-lw-{id}_{secret}"' };
  const token = bearer[1]!;
  const parts = ADMIN_TOKEN.exec(token);
  if (!parts) {
    return PROJECT_KEY.test(token)
      ? { ok: false, message: 'This endpoint needs an organization API key (sk-lw-{id}_{secret}); a project API key was sent' }
      : { ok: false, message: 'Malformed API key token' };
  }
  const [, lookupId, secret] = parts;
  for (const key of state.apiKeys.values()) {
    if (key.lookupId === lookupId && key.secret === secret && key.revokedAt === null) return { ok: true, key };
  }
  return { ok: false, message: 'Invalid or revoked API key token' };
}

export function revokeApiKey(context: LangWatchContext, input: OperationInput): RevokeApiKeyResponse {
  const { state } = context;
  const caller = authenticateAdmin(state, input.headers.authorization);
  if (!caller.ok) return apiError(401, 'unauthorized', caller.message);
  if (!caller.key.permissions.includes(MANAGE_PERMISSION)) {
    return apiError(403, 'forbidden', `This API key lacks the ${MANAGE_PERMISSION} permission`);
  }
  const target = state.apiKeys.get(input.params.id ?? '');
  if (!target) return apiError(404, 'api_key_not_found', 'API key not found');
  if (caller.key.role !== 'admin' && caller.key.ownerUserId !== target.ownerUserId) {
    return apiError(403, 'api_key_not_owned', 'Only an admin or the key owner can revoke this API key');
  }
  if (target.revokedAt !== null) return apiError(409, 'api_key_already_revoked', 'API key is already revoked');
  target.revokedAt = input.now;
  return { status: 200, body: { success: true } };
}
