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
