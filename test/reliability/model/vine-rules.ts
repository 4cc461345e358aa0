// Vine by our rules: an idempotent revoke (revokedAt fixed at the first), and detect, which
// refuses a revoked key at once (docs/divergences.md "Vine").
import { expect } from 'vitest';
import { ANY } from './routes.js';
import { iso, type Answer } from './answer.js';
import type { World } from './world.js';

const vineError = (status: number, code: string, message: string): Answer => ({ status, body: { error: { code, message } } });

export function revokeVineKey(world: World, id: string | undefined): Answer {
  const key = world.vineKeys.find((k) => k.id === id);
  if (!key) return vineError(404, 'not_found', 'API key not found');
  const rule = key.revokedAt === null ? 'first revoke' : 'repeated revoke';
  key.revokedAt ??= world.now;
  const { plaintext } = key;
  const publicPart = /^vine_(live|test)_/.exec(plaintext)![0];
  return {
    rule,
    status: 200,
    body: { key: { id: key.id, name: key.name, keyPrefix: ANY, revokedAt: iso(key.revokedAt) } },
    // The key's start, showing at most 7 random characters (docs/server.md, credentials).
    check: ({ key: { keyPrefix } }) => expect(plaintext.startsWith(keyPrefix) && keyPrefix.length <= publicPart.length + 7, `keyPrefix ${keyPrefix}`).toBe(true),
  };
}

/** `Authorization: Bearer <key>` only (any case of the scheme). */
function bearer(headers: Readonly<Record<string, string>>): string | undefined {
  const authorization = headers.authorization;
  if (authorization === undefined || authorization.slice(0, 7).toLowerCase() !== 'bearer ') return undefined;
  return authorization.slice(7).trim() || undefined;
}

/** `{ "url" }` and nothing else, `url` an absolute URL; anything else is a 422 (after the key check). */
function urlOf(body: string | undefined): string | undefined {
  try {
    const parsed = JSON.parse(body ?? '');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const keys = Object.keys(parsed);
    if (keys.length !== 1 || keys[0] !== 'url' || typeof parsed.url !== 'string') return undefined;
    return URL.canParse(parsed.url) ? parsed.url : undefined;
  } catch {
    return undefined;
  }
}

export function detect(world: World, headers: Readonly<Record<string, string>>, body: string | undefined): Answer {
  const token = bearer(headers);
  const key = world.vineKeys.find((k) => k.plaintext === token);
  if (!key || key.revokedAt !== null) return vineError(401, 'unauthorized', 'Missing, invalid, or revoked key');
  const url = urlOf(body);
  if (url === undefined) return vineError(422, 'validation_failed', ANY);
  return { status: 200, body: { schemaVersion: 'extraction.v1', url, providers: [] } };
}

/** `{ name, env?, scopes? }` only: name 1–100, env live|test (default test), scopes strings (default the documented three); else 422. */
export function createVineKey(world: World, body: string | undefined, known: Map<string, 'langwatch' | 'vine'>): Answer {
  let input: unknown;
  try {
    input = JSON.parse(body ?? '');
  } catch {
    return vineError(422, 'validation_failed', ANY);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return vineError(422, 'validation_failed', ANY);
  const { name, env = 'test', scopes = ['detect', 'extract', 'extractions:read'], ...rest } = input as Record<string, unknown>;
  const ok =
    Object.keys(rest).length === 0 &&
    typeof name === 'string' &&
    name.length >= 1 &&
    name.length <= 100 &&
    (env === 'live' || env === 'test') &&
    Array.isArray(scopes) &&
    scopes.every((scope) => typeof scope === 'string');
  if (!ok) return { ...vineError(422, 'validation_failed', ANY), rule: 'invalid body' };
  return {
    status: 201,
    rule: 'created',
    body: { key: { id: expect.stringMatching(/^c[0-9a-z]{24}$/), name, keyPrefix: ANY, plaintext: expect.stringMatching(new RegExp(`^vine_${env}_[0-9A-Za-z]+$`)), scopes, rateTier: 'internal', createdAt: world.clockKnown ? iso(world.now) : ANY } },
    check({ key }) {
      expect(key.keyPrefix).toBe(key.plaintext.slice(0, 12));
      expect(known.has(key.plaintext), 'a create minted a plaintext seen before').toBe(false);
    },
    capture({ key }) {
      world.vineKeys.push({ id: key.id, name: key.name, plaintext: key.plaintext, revokedAt: null });
      known.set(key.plaintext, 'vine');
    },
  };
}
