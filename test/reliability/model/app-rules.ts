// The LangWatch app API by our rules: revoke and rotate of virtual keys, the admin route's revoke
// (docs/divergences.md "LangWatch app API: credentials" and "answers", README "Decisions" 2).
import { Buffer } from 'node:buffer';
import { expect } from 'vitest';
import { iso, type Answer } from './answer.js';
import type { AdminKey, VirtualKey, World } from './world.js';

/** A well-formed Basic's password, else a non-empty Bearer token, else X-Auth-Token (schemes in any case). */
export function appToken(headers: Readonly<Record<string, string>>): string | undefined {
  const authorization = headers.authorization;
  if (authorization !== undefined && authorization.slice(0, 6).toLowerCase() === 'basic ') {
    // As lenient as Node's Buffer.from(…, "base64"), which the real service uses.
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0 && colon < decoded.length - 1) return decoded.slice(colon + 1);
  }
  if (authorization !== undefined && authorization.slice(0, 7).toLowerCase() === 'bearer ') {
    const token = authorization.slice(7).trim();
    if (token !== '') return token;
  }
  return headers['x-auth-token'] || undefined;
}

const error = (status: number, name: string, message: string): Answer => ({ status, body: { error: name, message } });

const VK_NO_CREDENTIALS = 'Authentication required. Use Authorization: Basic base64(projectId:token), Authorization: Bearer <token>, or X-Auth-Token header.';
const CANNOT_ROTATE = 'Cannot rotate a revoked virtual key';

/** The key the caller's project owns, or the 401/404 (another project's key reads as missing). */
function ownedKey(world: World, headers: Readonly<Record<string, string>>, id: string | undefined): { key: VirtualKey } | { answer: Answer } {
  const token = appToken(headers);
  if (token === undefined) return { answer: error(401, 'Unauthorized', VK_NO_CREDENTIALS) };
  const project = world.projects.find((p) => p.apiKey === token);
  if (!project) return { answer: error(401, 'Unauthorized', 'Invalid credentials') };
  const key = world.virtualKeys.find((k) => k.id === id && k.projectId === project.id);
  if (!key) return { answer: error(404, 'Virtual key not found', 'Virtual key not found') };
  return { key };
}

/** The virtual key as revoke and rotate return it, for the fields our rules fix. */
function viewCheck(key: VirtualKey): (view: any, secret: string) => void {
  const expected = {
    id: key.id,
    name: key.name,
    environment: key.environment,
    status: key.revokedAt === null ? 'active' : 'revoked',
    revision: String(key.revision),
    last_used_at: key.lastUsedAt === null ? null : iso(key.lastUsedAt),
  };
  return (view, secret) => expect(view).toMatchObject({ ...expected, display_prefix: secret.slice(0, 18) });
}

/** Idempotent; the first revoke bumps the revision and clears the previous secret in the same write. */
export function revokeVirtualKey(world: World, headers: Readonly<Record<string, string>>, id: string | undefined): Answer {
  const found = ownedKey(world, headers, id);
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
  return { status: 200, body: { virtual_key: expect.any(Object) }, check: (body) => check(body.virtual_key, secret), rule: first ? 'first revoke' : 'repeated revoke' };
}

/** A fresh secret; the old one stays valid for graceMs, the one before it is forgotten at once. A revoked key: 400. */
export function rotateVirtualKey(world: World, headers: Readonly<Record<string, string>>, id: string | undefined, known: Map<string, 'langwatch' | 'vine'>): Answer {
  const found = ownedKey(world, headers, id);
  if ('answer' in found) return found.answer;
  const { key } = found;
  if (key.revokedAt !== null) return error(400, CANNOT_ROTATE, CANNOT_ROTATE);
  if (key.previous) key.retired.push(key.previous.secret);
  key.previous = { secret: key.secret, until: world.now + world.settings.graceMs };
  key.rotations.push(world.now);
  key.revision += 1;
  const check = viewCheck(key);
  const format = new RegExp(`^lw_vk_${key.environment}_[0-9A-HJKMNP-TV-Z]{26}$`);
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
export function revokeAdminKey(world: World, headers: Readonly<Record<string, string>>, id: string | undefined): Answer {
  const token = appToken(headers);
  if (token === undefined) return error(401, 'Unauthorized', ADMIN_NO_CREDENTIALS);
  const caller: AdminKey | undefined = world.apiKeys.find((k) => k.token === token && k.revokedAt === null);
  if (!caller) return error(401, 'Unauthorized', ADMIN_INVALID);
  if (!caller.permissions.includes(MANAGE)) return error(403, 'Forbidden', `Insufficient permissions. Required: ${MANAGE}`);
  const target = world.apiKeys.find((k) => k.id === id);
  if (!target) return error(404, 'Not Found', 'API key not found');
  if (caller.role !== 'admin' && caller.owner !== target.owner) return error(403, 'Forbidden', 'Not authorized to modify this API Key');
  if (target.revokedAt !== null) return error(409, 'Conflict', 'API Key is already revoked');
  target.revokedAt = world.now;
  return { status: 200, body: { success: true } };
}
