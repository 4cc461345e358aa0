// GET /api/api-keys (langwatch/src/app/api/api-keys/[[...route]]/app.ts:77-110; api-key.repository.ts:97-134
// @ 3dca0f685f): organization:view; a key with a user sees that user's keys and the service keys, a
// service key sees every key; revoked keys are left out (expired ones are not); newest first.
import type { operations } from '@revokit/langwatch/generated/api-keys/types';
import type { OperationInput } from '../dispatcher.js';
import { isoTime } from '../iso-time.js';
import type { SpecResponse } from '../spec-response.js';
import { VIEW_PERMISSION, withAdminKey } from './admin-auth.js';
import type { LangWatchError } from './envelopes.js';
import type { ApiKeyRecord, LangWatchContext, LangWatchState } from './state.js';

type ListApiKeysResponse = SpecResponse<operations['listApiKeys'], LangWatchError>;

const iso = (ms: number | null) => (ms === null ? null : isoTime(ms));

/** One key as the list shows it (ApiKeyInfo). */
export function apiKeyInfo(key: ApiKeyRecord) {
  return {
    id: key.id,
    name: key.name,
    description: key.description,
    createdAt: isoTime(key.createdAt),
    expiresAt: iso(key.expiresAt),
    lastUsedAt: iso(key.lastUsedAt),
    revokedAt: iso(key.revokedAt),
    roleBindings: key.bindings.map(({ id, role, scopeType, scopeId }) => ({ id, role, scopeType, scopeId })),
  };
}

/** Newest first; keys made at the same instant in reverse order of creation (as the virtual-key list). */
function visibleTo(state: LangWatchState, caller: ApiKeyRecord): ApiKeyRecord[] {
  const keys: ApiKeyRecord[] = [];
  for (const key of state.apiKeys.values()) {
    if (key.revokedAt !== null) continue;
    if (caller.ownerUserId === null || key.ownerUserId === null || key.ownerUserId === caller.ownerUserId) keys.push(key);
  }
  return keys.reverse().sort((a, b) => b.createdAt - a.createdAt);
}

export function listApiKeys(context: LangWatchContext, input: OperationInput): ListApiKeysResponse {
  // The list is built before the caller's own use is recorded: it shows the previous one.
  return withAdminKey(context.state, input, VIEW_PERMISSION, (caller) => ({ status: 200 as const, body: { data: visibleTo(context.state, caller).map(apiKeyInfo) } }));
}
