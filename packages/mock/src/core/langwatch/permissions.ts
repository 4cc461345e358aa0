// What an admin API key may do, from its role bindings and its user's access, as the real service
// resolves it (langwatch/src/server/rbac/role-binding-resolver.ts, server/api/rbac.ts @ 3dca0f685f):
// an ORGANIZATION ADMIN binding grants everything; another organization binding only organization:view;
// a PROJECT binding its team role's permissions on that project; `…:manage` implies the other actions.
// A personal key may do only what both it and its user may (resolveApiKeyPermission).
//
// The mock has one organization and no teams. A key's user is an organization ADMIN (role "admin")
// or an organization MEMBER who is a MEMBER of every project's team (role "member").
import type { ApiKeyRecord, ApiKeyRole, BindingRole, RoleBinding } from './state.js';

export type Scope = { type: 'org'; id: string } | { type: 'project'; id: string };

/** The virtual-key and project permissions of each team role (TEAM_ROLE_PERMISSIONS, rbac.ts:92-245). */
const TEAM_ROLE_PERMISSIONS: Readonly<Record<BindingRole, readonly string[]>> = {
  ADMIN: ['project:view', 'project:create', 'project:update', 'project:delete', 'project:manage', 'virtualKeys:view', 'virtualKeys:create', 'virtualKeys:update', 'virtualKeys:delete', 'virtualKeys:rotate', 'virtualKeys:manage'],
  MEMBER: ['project:view', 'project:create', 'project:update', 'virtualKeys:view', 'virtualKeys:create', 'virtualKeys:update', 'virtualKeys:rotate'],
  VIEWER: ['project:view', 'virtualKeys:view'],
};

/** What an organization binding other than ADMIN grants (ORGANIZATION_ROLE_PERMISSIONS.MEMBER, rbac.ts:300). */
const ORGANIZATION_MEMBER_PERMISSIONS = ['organization:view'];

const ACTIONS = [':view', ':create', ':update', ':delete', ':rotate', ':attach', ':detach'];

/** hasPermissionWithHierarchy (rbac.ts:337-367). */
export function includes(permissions: readonly string[], wanted: string): boolean {
  if (permissions.includes(wanted)) return true;
  const action = ACTIONS.find((suffix) => wanted.endsWith(suffix));
  return action !== undefined && permissions.includes(wanted.replace(action, ':manage'));
}

/** Whether these bindings grant `permission` at `scope` (checkRoleBindingPermission). */
export function bindingsGrant(bindings: readonly Omit<RoleBinding, 'id'>[], organizationId: string, scope: Scope, permission: string): boolean {
  for (const binding of bindings) {
    if (binding.scopeType === 'ORGANIZATION' && binding.scopeId === organizationId) {
      if (binding.role === 'ADMIN' || includes(ORGANIZATION_MEMBER_PERMISSIONS, permission)) return true;
    } else if (scope.type === 'project' && binding.scopeType === 'PROJECT' && binding.scopeId === scope.id) {
      if (includes(TEAM_ROLE_PERMISSIONS[binding.role], permission)) return true;
    }
  }
  return false;
}

/** Whether a user of this role may `permission` at `scope`. */
export function userGrants(role: ApiKeyRole, scope: Scope, permission: string): boolean {
  if (role === 'admin') return true;
  return includes(scope.type === 'org' ? ORGANIZATION_MEMBER_PERMISSIONS : TEAM_ROLE_PERMISSIONS.MEMBER, permission);
}

/** The key's bindings, capped by its user's access (a service key has no user, so no cap). */
export function apiKeyGrants(key: ApiKeyRecord, organizationId: string, scope: Scope, permission: string): boolean {
  return bindingsGrant(key.bindings, organizationId, scope, permission) && (key.ownerUserId === null || userGrants(key.role, scope, permission));
}

/** The organization permissions the admin routes check, as a key's bindings give them. */
export function organizationPermissionsOf(bindings: readonly Omit<RoleBinding, 'id'>[], organizationId: string): string[] {
  const org = bindings.filter((binding) => binding.scopeType === 'ORGANIZATION' && binding.scopeId === organizationId);
  if (org.some((binding) => binding.role === 'ADMIN')) return ['organization:view', 'organization:manage'];
  return org.length > 0 ? ['organization:view'] : [];
}

/** The bindings a seeded key gets when only its organization permissions are given. */
export function bindingsForPermissions(permissions: readonly string[], organizationId: string): Array<Omit<RoleBinding, 'id'>> {
  if (permissions.includes('organization:manage')) return [{ role: 'ADMIN', scopeType: 'ORGANIZATION', scopeId: organizationId }];
  if (permissions.includes('organization:view')) return [{ role: 'MEMBER', scopeType: 'ORGANIZATION', scopeId: organizationId }];
  return [];
}

/**
 * The permission that stands for a role when checking the creator's own access
 * (assertBuiltinRoleWithinCeiling, langwatch/src/server/api-key/api-key.service.ts:605-629).
 */
export function representativePermission(role: BindingRole, scope: Scope): string {
  if (role === 'ADMIN') return scope.type === 'org' ? 'organization:manage' : 'project:manage';
  if (role === 'MEMBER') return scope.type === 'org' ? 'organization:view' : 'project:update';
  return 'project:view';
}
