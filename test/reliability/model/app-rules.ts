// The LangWatch app API by our rules: who calls (a project key, or an admin key for a project),
// revoke and rotate of virtual keys, the admin route's revoke (docs/divergences.md "LangWatch app
// API: credentials" and "answers", "Admin API keys on the virtual-key routes", README "Decisions" 2).
import { Buffer } from 'node:buffer';
import { expect } from 'vitest';
import { iso, type Answer } from './answer.js';
import type { AdminKey, Project, VirtualKey, World } from './world.js';

/** A well-formed Basic's password (its user names the project), else a non-empty Bearer token, else X-Auth-Token (the project from X-Project-Id). */
export function appCredentials(headers: Readonly<Record<string, string>>): { token: string; projectId: string | undefined } | undefined {
  const authorization = headers.authorization;
  const projectId = headers['x-project-id'] || undefined;
  if (authorization !== undefined && authorization.slice(0, 6).toLowerCase() === 'basic ') {
    // As lenient as Node's Buffer.from(…, "base64"), which the real service uses.
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0 && colon < decoded.length - 1) return { token: decoded.slice(colon + 1), projectId: decoded.slice(0, colon) };
  }
  if (authorization !== undefined && authorization.slice(0, 7).toLowerCase() === 'bearer ') {
    const token = authorization.slice(7).trim();
    if (token !== '') return { token, projectId };
  }
  const token = headers['x-auth-token'];
  return token ? { token, projectId } : undefined;
}

export const appToken = (headers: Readonly<Record<string, string>>): string | undefined => appCredentials(headers)?.token;

export const error = (status: number, name: string, message: string): Answer => ({ status, body: { error: name, message } });

const VK_NO_CREDENTIALS = 'Authentication required. Use Authorization: Basic base64(projectId:token), Authorization: Bearer <token>, or X-Auth-Token header.';
const CANNOT_ROTATE = 'Cannot rotate a revoked virtual key';

/** An admin key that still authenticates: not revoked, and not past its expiresAt (valid at it). */
export function liveAdminKey(world: World, token: string): AdminKey | undefined {
  const key = world.apiKeys.find((k) => k.token === token);
  return key && key.revokedAt === null && (key.expiresAt === null || key.expiresAt >= world.now) ? key : undefined;
}

/** Team roles' virtual-key permissions; `:manage` implies the rest (docs/divergences.md). */
const TEAM: Record<AdminKey['bindings'][number]['role'], string[]> = {
  ADMIN: ['view', 'create', 'update', 'delete', 'rotate'],
  MEMBER: ['view', 'create', 'update', 'rotate'],
  VIEWER: ['view'],
};

/** Whether an admin key may `virtualKeys:<action>` on a project: its bindings, and (a personal key) its user's role. */
export function mayOnProject(world: World, key: AdminKey, projectId: string, action: string): boolean {
  const granted = key.bindings.some(
    (b) => (b.scopeType === 'ORGANIZATION' && b.scopeId === world.organizationId && b.role === 'ADMIN') || (b.scopeType === 'PROJECT' && b.scopeId === projectId && TEAM[b.role].includes(action)),
  );
  // A member user is a MEMBER of every project's team; an admin user may everything.
  return granted && (key.owner === null || key.role === 'admin' || TEAM.MEMBER.includes(action));
}

/** After a 2xx, the admin key that made the request records the use. */
export function used(key: AdminKey | undefined, world: World, answer: Answer): Answer {
  if (key && answer.status >= 200 && answer.status < 300) key.lastUsedAt = world.now;
  return answer;
}

export type Caller = { project: Project; apiKey?: AdminKey };

/** The caller of a virtual-key route and its project, allowed `action`; or the 401/403. */
export function projectCaller(world: World, headers: Readonly<Record<string, string>>, action: string): { caller: Caller } | { answer: Answer } {
  const credentials = appCredentials(headers);
  if (credentials === undefined) return { answer: error(401, 'Unauthorized', VK_NO_CREDENTIALS) };
  const { token, projectId } = credentials;
  const invalid = { answer: error(401, 'Unauthorized', 'Invalid credentials') };
  if (token.startsWith('pat-lw-') || (token.startsWith('sk-lw-') && token.slice(6).includes('_'))) {
    const apiKey = liveAdminKey(world, token);
    const project = world.projects.find((p) => p.id === projectId);
    if (!apiKey || !project) return invalid;
    if (!mayOnProject(world, apiKey, project.id, action)) return { answer: error(403, 'Forbidden', `API Key does not grant required permission: virtualKeys:${action}`) };
    return { caller: { project, apiKey } };
  }
  const project = world.projects.find((p) => p.apiKey === token);
  return project ? { caller: { project } } : invalid;
}

/** The key the caller's project owns, or the 401/403/404 (another project's key reads as missing). */
function ownedKey(world: World, headers: Readonly<Record<string, string>>, id: string | undefined, action: string): { key: VirtualKey; caller: Caller } | { answer: Answer } {
  const found = projectCaller(world, headers, action);
  if ('answer' in found) return found;
  const key = world.virtualKeys.find((k) => k.id === id && k.projectId === found.caller.project.id);
  if (!key) return { answer: error(404, 'Virtual key not found', 'Virtual key not found') };
  return { key, caller: found.caller };
}

/** The virtual key as every route returns it: the spec's eleven fields, exactly. */
export function viewOf(key: VirtualKey, secret = key.secret) {
  return {
    id: key.id,
    display_prefix: secret.slice(0, 18),
    name: key.name,
    description: key.description,
    environment: key.environment,
    status: key.revokedAt === null ? 'active' : 'revoked',
    principal_user_id: key.principalUserId,
    provider_credential_ids: [...key.providerCredentialIds],
    revision: String(key.revision),
    last_used_at: key.lastUsedAt === null ? null : iso(key.lastUsedAt),
    created_at: iso(key.createdAt),
  };
}

function viewCheck(key: VirtualKey): (view: any, secret: string) => void {
  const expected = viewOf(key);
  return (view, secret) => expect(view).toEqual({ ...expected, display_prefix: secret.slice(0, 18) });
}

/** Idempotent; the first revoke bumps the revision and clears the previous secret in the same write. */
export function revokeVirtualKey(world: World, headers: Readonly<Record<string, string>>, id: string | undefined): Answer {
  const found = ownedKey(world, headers, id, 'delete');
  if ('answer' in found) return found.answer;
  const { key } = found;
  const first = key.revokedAt === null;
  if (first) {
    key.revokedAt = world.now;
    key.revision += 1;
    key.cachedPrevious = key.previous;
    key.previous = null;
  }
  const check = viewCheck(key);
  const secret = key.secret;
  return used(found.caller.apiKey, world, { status: 200, body: { virtual_key: expect.any(Object) }, check: (body) => check(body.virtual_key, secret), rule: first ? 'first revoke' : 'repeated revoke' });
}

/** A fresh secret; the old one stays valid for graceMs, the one before it is forgotten at once. A revoked key: 400. */
export function rotateVirtualKey(world: World, headers: Readonly<Record<string, string>>, id: string | undefined, known: Map<string, 'langwatch' | 'vine'>): Answer {
  const found = ownedKey(world, headers, id, 'rotate');
  if ('answer' in found) return found.answer;
  const { key } = found;
  if (key.revokedAt !== null) return error(400, CANNOT_ROTATE, CANNOT_ROTATE);
  if (key.previous) key.retired.push(key.previous.secret);
  key.previous = { secret: key.secret, until: world.now + world.settings.graceMs };
  key.rotations.push(world.now);
  key.revision += 1;
  const check = viewCheck(key);
  const format = new RegExp(`^lw_vk_${key.environment}_[0-9A-HJKMNP-TV-Z]{26}$`);
  if (found.caller.apiKey) found.caller.apiKey.lastUsedAt = world.now;
  return {
    status: 200,
    body: { virtual_key: expect.any(Object), secret: expect.stringMatching(format) },
    check(body) {
      check(body.virtual_key, body.secret);
      expect(known.has(body.secret), 'a rotation minted a secret seen before').toBe(false);
    },
    capture(body) {
      key.secret = body.secret;
      known.set(body.secret, 'langwatch');
    },
  };
}

const ADMIN_NO_CREDENTIALS = 'Authentication required. Use Authorization: Bearer <api-key>.';
const ADMIN_INVALID =
  'Invalid credentials. Organization-level endpoints require an admin API key created in Settings > API Keys. Project API keys cannot be used here.';
export const MANAGE = 'organization:manage';

/** Checks in the real order: auth → permission → not found → not owned → already revoked. */
/** The organization routes' caller with `permission` (`:manage` implies `:view`), or the 401/403. */
export function adminCaller(world: World, headers: Readonly<Record<string, string>>, permission: string): { caller: AdminKey } | { answer: Answer } {
  const token = appToken(headers);
  if (token === undefined) return { answer: error(401, 'Unauthorized', ADMIN_NO_CREDENTIALS) };
  const caller = liveAdminKey(world, token);
  if (!caller) return { answer: error(401, 'Unauthorized', ADMIN_INVALID) };
  const granted = caller.permissions.includes(permission) || (permission === VIEW && caller.permissions.includes(MANAGE));
  if (!granted) return { answer: error(403, 'Forbidden', `Insufficient permissions. Required: ${permission}`) };
  return { caller };
}

export const VIEW = 'organization:view';

/** Checks in the real order: auth → permission → not found → not owned → already revoked. A member owns no service key. */
export function revokeAdminKey(world: World, headers: Readonly<Record<string, string>>, id: string | undefined): Answer {
  const found = adminCaller(world, headers, MANAGE);
  if ('answer' in found) return found.answer;
  const { caller } = found;
  const target = world.apiKeys.find((k) => k.id === id);
  if (!target) return error(404, 'Not Found', 'API key not found');
  if (caller.role !== 'admin' && (target.owner === null || caller.owner !== target.owner)) return error(403, 'Forbidden', 'Not authorized to modify this API Key');
  if (target.revokedAt !== null) return error(409, 'Conflict', 'API Key is already revoked');
  target.revokedAt = world.now;
  return used(caller, world, { status: 200, body: { success: true } });
}
