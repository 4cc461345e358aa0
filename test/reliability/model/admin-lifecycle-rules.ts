// List and create of admin API keys by our rules (docs/divergences.md, "Admin API keys: list and
// create"): who sees which keys; the create's checks in order (permission, the body's first issue,
// each binding's scope and the creator's own access, a repeated binding), and what a new key holds.
import { expect } from 'vitest';
import { adminCaller, error, MANAGE, used, VIEW } from './app-rules.js';
import { iso, type Answer } from './answer.js';
import { ANY } from './routes.js';
import type { AdminKey, Binding, Family, World } from './world.js';

type Headers = Readonly<Record<string, string>>;
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** A key with a user sees its user's keys and the service keys; a service key sees all; revoked keys never; newest first. */
function visibleTo(world: World, caller: AdminKey): AdminKey[] {
  return world.apiKeys
    .map((key, order) => ({ key, order }))
    .filter(({ key }) => key.revokedAt === null && (caller.owner === null || key.owner === null || key.owner === caller.owner))
    .sort((a, b) => b.key.createdAt - a.key.createdAt || b.order - a.order)
    .map(({ key }) => key);
}

const info = (key: AdminKey) => ({
  id: key.id,
  name: key.name,
  description: key.description,
  createdAt: iso(key.createdAt),
  expiresAt: isoOrNull(key.expiresAt),
  lastUsedAt: isoOrNull(key.lastUsedAt),
  revokedAt: null,
  roleBindings: key.bindings.map((b) => ({ id: ANY, ...b })),
});

export function listAdminKeys(world: World, headers: Headers): Answer {
  const found = adminCaller(world, headers, VIEW);
  if ('answer' in found) return found.answer;
  // The caller's own row shows its previous use: the use is recorded after the answer.
  const body = { data: visibleTo(world, found.caller).map(info) };
  return used(found.caller, world, { status: 200, body });
}

const ROLES = ['ADMIN', 'MEMBER', 'VIEWER'];
const SCOPES = ['ORGANIZATION', 'TEAM', 'PROJECT'];

/** The path of zod's first issue for the fuzz's bodies, fields in the schema's order; then the two refinements. */
function firstIssue(input: Json): Array<string | number> | undefined {
  const { keyType = 'personal', name, description, expiresAt, bindings, projectIds } = input;
  if (keyType !== 'personal' && keyType !== 'service') return ['keyType'];
  if (!isString(name) || name.length < 1 || name.length > 100) return ['name'];
  if (description !== undefined && !(isString(description) && description.length <= 500)) return ['description'];
  if (expiresAt !== undefined && Number.isNaN(new Date(expiresAt as string).getTime())) return ['expiresAt'];
  if (bindings !== undefined) {
    if (!Array.isArray(bindings) || bindings.length > 20) return ['bindings'];
    for (const [i, binding] of bindings.entries()) {
      if (!isObject(binding)) return ['bindings', i];
      if (!ROLES.includes(binding.role as string)) return ['bindings', i, 'role'];
      if (!SCOPES.includes(binding.scopeType as string)) return ['bindings', i, 'scopeType'];
      if (!isString(binding.scopeId) || binding.scopeId === '') return ['bindings', i, 'scopeId'];
    }
  }
  if (projectIds !== undefined) {
    if (!Array.isArray(projectIds) || projectIds.length > 50) return ['projectIds'];
    const bad = projectIds.findIndex((id) => !isString(id) || id === '');
    if (bad >= 0) return ['projectIds', bad];
  }
  if (keyType !== 'service' && !(Array.isArray(bindings) && bindings.length > 0)) return ['bindings'];
  if (keyType !== 'service' && Array.isArray(projectIds) && projectIds.length > 0) return ['projectIds'];
  return undefined;
}

const unprocessable = (path?: Array<string | number>): Answer => ({ status: 422, body: path ? { error: 'Unprocessable Entity', message: ANY, path } : { error: 'Unprocessable Entity', message: 'Malformed JSON in request body' }, rule: 'invalid body' });

/** The scope a binding names (the world's organization, a project; there are no teams), or the refusal. */
function scopeOf(world: World, binding: Binding): { type: 'org' | 'project'; id: string } | string {
  if (binding.scopeType === 'ORGANIZATION') return binding.scopeId === world.organizationId ? { type: 'org', id: binding.scopeId } : "Organization scope must match the API key's organization";
  if (binding.scopeType === 'TEAM') return `Team ${binding.scopeId} not found in this organization`;
  return world.projects.some((p) => p.id === binding.scopeId) ? { type: 'project', id: binding.scopeId } : `Project ${binding.scopeId} not found or archived`;
}

/** Whether a member user may grant this role here (an admin user may grant anything). */
const memberMayGrant = (role: Binding['role'], scope: 'org' | 'project') => (scope === 'org' ? role === 'MEMBER' : role !== 'ADMIN');

export function createAdminKey(world: World, headers: Headers, body: string | undefined, known: Map<string, Family>): Answer {
  const found = adminCaller(world, headers, MANAGE);
  if ('answer' in found) return found.answer;
  const { caller } = found;
  let input: unknown = {};
  if (/^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/.test(headers['content-type'] ?? '')) {
    try {
      input = JSON.parse(body ?? '');
    } catch {
      return unprocessable();
    }
  }
  if (!isObject(input)) return unprocessable([]);
  const path = firstIssue(input);
  if (path) return unprocessable(path);
  const service = input.keyType === 'service';
  const requested: Binding[] = [...((input.bindings as Binding[] | undefined) ?? []).map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId }))];
  if (service) for (const scopeId of (input.projectIds as string[] | undefined) ?? []) requested.push({ role: 'ADMIN', scopeType: 'PROJECT', scopeId });
  const owner = service ? null : caller.owner;
  for (const binding of requested) {
    const scope = scopeOf(world, binding);
    if (typeof scope === 'string') return { ...error(403, 'Forbidden', scope), rule: 'binding out of scope' };
    if (owner !== null && caller.role !== 'admin' && !memberMayGrant(binding.role, scope.type)) {
      return { ...error(403, 'Forbidden', `Cannot create API key with ${binding.role} permissions — exceeds your own access at ${scope.type}:${scope.id}`), rule: 'beyond the creator\'s access' };
    }
  }
  const seen = new Set<string>();
  for (const [i, b] of requested.entries()) {
    const key = `${b.role} ${b.scopeType} ${b.scopeId}`;
    if (seen.has(key)) return { status: 422, body: { error: 'Unprocessable Entity', message: ANY, path: ['bindings', i] }, rule: 'repeated binding' };
    seen.add(key);
  }
  const bindings = owner === null && requested.length === 0 ? [{ role: 'ADMIN' as const, scopeType: 'ORGANIZATION' as const, scopeId: world.organizationId }] : requested;
  const orgBindings = bindings.filter((b) => b.scopeType === 'ORGANIZATION');
  const permissions = orgBindings.some((b) => b.role === 'ADMIN') ? ['organization:view', MANAGE] : orgBindings.length > 0 ? ['organization:view'] : [];
  const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt as string).getTime();
  const made: Omit<AdminKey, 'id' | 'token'> = {
    name: input.name as string,
    description: (input.description as string | undefined) ?? null,
    role: owner === null ? (permissions.includes(MANAGE) ? 'admin' : 'member') : caller.role,
    permissions,
    bindings,
    owner,
    createdAt: world.now,
    expiresAt,
    lastUsedAt: null,
    revokedAt: null,
  };
  return used(caller, world, {
    status: 201,
    body: { token: expect.stringMatching(/^sk-lw-[0-9A-Za-z]{16}_[0-9A-Za-z]{48}$/), apiKey: { id: expect.stringMatching(/^[0-9A-Za-z]{21}$/), name: made.name, createdAt: iso(world.now) } },
    rule: service ? 'service key created' : 'personal key created',
    check(reply) {
      expect(known.has(reply.token), 'a create minted a token seen before').toBe(false);
      expect(reply.token.includes(reply.apiKey.id), 'the row id is not part of the token').toBe(false);
    },
    capture(reply) {
      world.apiKeys.push({ ...made, id: reply.apiKey.id, token: reply.token });
      known.set(reply.token, 'langwatch');
    },
  });
}
