// POST /api/api-keys (langwatch/src/app/api/api-keys/[[...route]]/app.ts:112-168;
// api-key.service.ts:85-210, 387-629 @ 3dca0f685f), checks in the real order: authentication (401),
// organization:manage (403), the body (422, first issue only), then each binding's scope and, for a
// personal key, the creator's own access (403 Forbidden with the service's message).
import type { operations } from '@revokit/langwatch/generated/api-keys/types';
import type { OperationInput } from '../dispatcher.js';
import { isoTime } from '../iso-time.js';
import type { SpecResponse } from '../spec-response.js';
import { MANAGE_PERMISSION, withAdminKey } from './admin-auth.js';
import { readCreateApiKeyBody, unprocessable, type CreateApiKeyBody } from './api-key-body.js';
import { apiError, type LangWatchError } from './envelopes.js';
import { mintApiKey } from './mint.js';
import { organizationPermissionsOf, representativePermission, userGrants, type Scope } from './permissions.js';
import { tokenOf, type ApiKeyRecord, type LangWatchContext, type LangWatchState, type RoleBinding } from './state.js';

type CreateApiKeyResponse = SpecResponse<operations['createApiKey'], LangWatchError>;
type Binding = Omit<RoleBinding, 'id'>;

/** resolveAndValidateScope: the scope a binding names, or the ApiKeyScopeViolationError message. The mock has no teams. */
function scopeOf(state: LangWatchState, binding: Binding): Scope | string {
  if (binding.scopeType === 'ORGANIZATION') {
    return binding.scopeId === state.organizationId ? { type: 'org', id: binding.scopeId } : "Organization scope must match the API key's organization";
  }
  if (binding.scopeType === 'TEAM') return `Team ${binding.scopeId} not found in this organization`;
  return state.projects.has(binding.scopeId) ? { type: 'project', id: binding.scopeId } : `Project ${binding.scopeId} not found or archived`;
}

/** The first scope violation, in the service's order: scopes alone for an ownerless key; scope then ceiling, per binding, for a personal one. */
function violation(state: LangWatchState, bindings: readonly Binding[], owner: ApiKeyRecord | null): string | undefined {
  for (const binding of bindings) {
    const scope = scopeOf(state, binding);
    if (typeof scope === 'string') return scope;
    if (owner && !userGrants(owner.role, scope, representativePermission(binding.role, scope))) {
      return `Cannot create API key with ${binding.role} permissions — exceeds your own access at ${scope.type}:${scope.id}`;
    }
  }
  return undefined;
}

/**
 * The same role twice on one scope breaks the unique index on an API key's built-in bindings; the
 * spec-era service answered that 500 (P2002). The spec documents 422 for a bad body: the mock's
 * message names the repeat (docs/divergences.md).
 */
function repeatedBinding(bindings: readonly Binding[]) {
  const seen = new Set<string>();
  for (const [i, { role, scopeType, scopeId }] of bindings.entries()) {
    const key = JSON.stringify([role, scopeType, scopeId]);
    if (seen.has(key)) return unprocessable(`Duplicate role binding: ${role} on ${scopeType} ${scopeId}`, ['bindings', i]);
    seen.add(key);
  }
  return undefined;
}

function bindingsOf(body: CreateApiKeyBody): Binding[] {
  const projectBindings = body.keyType === 'service' ? (body.projectIds ?? []).map((scopeId) => ({ role: 'ADMIN' as const, scopeType: 'PROJECT' as const, scopeId })) : [];
  return [...(body.bindings ?? []), ...projectBindings];
}

export function createApiKey(context: LangWatchContext, input: OperationInput): CreateApiKeyResponse {
  const { state } = context;
  return withAdminKey(state, input, MANAGE_PERMISSION, (caller) => {
    const read = readCreateApiKeyBody(input.headers, input.body);
    if (read.error) return read.error;
    const body = read.body;
    const requested = bindingsOf(body);
    // A personal key belongs to the caller's user; a service key, or a personal one asked for by a service key, to no one.
    const ownerUserId = body.keyType === 'service' ? null : caller.ownerUserId;
    const problem = violation(state, requested, ownerUserId === null ? null : caller);
    if (problem) return apiError(403, 'Forbidden', problem);
    const repeated = repeatedBinding(requested);
    if (repeated) return repeated;
    // An ownerless key with no bindings gets organization-wide ADMIN (api-key.service.ts:147-154).
    const bindings: Binding[] = ownerUserId === null && requested.length === 0 ? [{ role: 'ADMIN', scopeType: 'ORGANIZATION', scopeId: state.organizationId }] : requested;
    const permissions = organizationPermissionsOf(bindings, state.organizationId);
    const key = mintApiKey(
      context,
      {
        name: body.name,
        description: body.description ?? null,
        // A personal key acts for its user; a service key is "admin" when it holds organization ADMIN.
        role: ownerUserId === null ? (permissions.includes(MANAGE_PERMISSION) ? 'admin' : 'member') : caller.role,
        permissions,
        bindings,
        ownerUserId,
        expiresAt: body.expiresAt ?? null,
      },
      input.now,
    );
    return { status: 201 as const, body: { token: tokenOf(key), apiKey: { id: key.id, name: key.name, createdAt: isoTime(key.createdAt) } } };
  });
}
