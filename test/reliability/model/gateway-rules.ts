// The LangWatch gateway (data plane) by our rules: which header carries the key, which secrets
// authenticate when, and what is answered (docs/divergences.md "LangWatch gateway", README
// "Decisions" 2, docs/server.md "The data planes").
import { expect } from 'vitest';
import { ANY } from './routes.js';
import type { Answer } from './answer.js';
import type { VirtualKey, World } from './world.js';

/** `Authorization: Bearer` (any case; a blank token is a missing key), else the first non-empty key header. */
export function gatewaySecret(headers: Readonly<Record<string, string>>): string | undefined {
  const authorization = headers.authorization;
  if (authorization !== undefined && authorization.slice(0, 7).toLowerCase() === 'bearer ') return authorization.slice(7).trim();
  for (const name of ['x-api-key', 'x-goog-api-key', 'xi-api-key']) {
    const value = headers[name];
    if (value) return value.trim();
  }
  return undefined;
}

type Verdict = { ok: true; key: VirtualKey; rule: string } | { ok: false; reason: 'missing' | 'unknown' | 'revoked'; rule: string };

/**
 * The current secret, or the previous one while now < its grace end. From revokedAt + propagationMs
 * on, the current secret is revoked and the previous one (the revoke cleared it) is unknown.
 */
export function authenticate(world: World, secret: string | undefined): Verdict {
  if (!secret) return { ok: false, reason: 'missing', rule: 'no key' };
  for (const key of world.virtualKeys) {
    const seen = key.revokedAt !== null && world.now >= key.revokedAt + world.settings.propagationMs;
    if (key.secret === secret) {
      if (seen) return { ok: false, reason: 'revoked', rule: 'current secret, revocation propagated' };
      return { ok: true, key, rule: key.revokedAt === null ? 'current secret' : 'current secret, revocation not yet propagated' };
    }
    const grace = key.previous ?? key.cachedPrevious;
    if (grace?.secret === secret) {
      if (seen) return { ok: false, reason: 'unknown', rule: 'previous secret, revocation propagated' };
      if (world.now >= grace.until) return { ok: false, reason: 'unknown', rule: 'previous secret, grace over' };
      return { ok: true, key, rule: key.revokedAt === null ? 'previous secret in grace' : 'previous secret in grace, revocation not yet propagated' };
    }
  }
  return { ok: false, reason: 'unknown', rule: 'unknown secret' };
}

export const MISSING_KEY = 'missing API key; supply Authorization: Bearer <key>, x-api-key, x-goog-api-key, or xi-api-key header';

export const gatewayError = (status: number, code: string, message: string = code): Answer => ({ status, body: { error: { type: code, code, message } } });

function rejection(world: World, { reason, rule }: Extract<Verdict, { ok: false }>): Answer {
  if (reason === 'missing') return { ...gatewayError(401, 'invalid_api_key', MISSING_KEY), rule };
  if (reason === 'revoked') return { ...gatewayError(world.settings.revokedKeyStatus, 'virtual_key_revoked'), rule };
  return { ...gatewayError(401, 'invalid_api_key'), rule };
}

/** An operation of the data plane: the key first; an accepted key records last_used_at. */
function withKey(world: World, headers: Readonly<Record<string, string>>, answer: () => Answer): Answer {
  const verdict = authenticate(world, gatewaySecret(headers));
  if (!verdict.ok) return rejection(world, verdict);
  verdict.key.lastUsedAt = world.now;
  return { rule: verdict.rule, ...answer() };
}

export const listModels = (world: World, headers: Readonly<Record<string, string>>): Answer =>
  withKey(world, headers, () => ({ status: 200, body: { object: 'list', data: expect.any(Array) } }));

/** The gateway peeks at a non-empty string `model`; a body that is not a JSON object has none. */
function peek(body: string | undefined): { model?: string; stream: boolean; fields: Record<string, unknown> } {
  try {
    const parsed = JSON.parse(body ?? '');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { stream: false, fields: {} };
    return { model: typeof parsed.model === 'string' && parsed.model !== '' ? parsed.model : undefined, stream: parsed.stream === true, fields: parsed };
  } catch {
    return { stream: false, fields: {} };
  }
}

/** The model rule every route shares: one to read (docs/divergences.md), of at most 256 characters, which the answers echo. */
function modelProblem(model: string | undefined): Answer | undefined {
  if (model === undefined) return gatewayError(400, 'bad_request', 'missing model field');
  if (model.length > 256) return gatewayError(400, 'bad_request', ANY);
  return undefined;
}

export function createChatCompletion(world: World, headers: Readonly<Record<string, string>>, body: string | undefined): Answer {
  return withKey(world, headers, () => {
    const { model, stream } = peek(body);
    const problem = modelProblem(model);
    if (problem) return problem;
    // stream: true answers chat.completion.chunk events, then data: [DONE] (divergences.md).
    if (stream) return { status: 200, body: undefined, stream: true };
    return { status: 200, body: expect.objectContaining({ object: 'chat.completion', model }) };
  });
}

/** Embeddings (OpenAI shape) and messages (Anthropic shape): the same model rule as chat. */
export function createEmbedding(world: World, headers: Readonly<Record<string, string>>, body: string | undefined): Answer {
  return withKey(world, headers, () => {
    const { model, fields } = peek(body);
    const problem = modelProblem(model);
    if (problem) return problem;
    // At most 2,048 inputs, 3,072 dimensions, and 262,144 numbers in all (divergences.md).
    const inputs = Array.isArray(fields.input) ? fields.input.length : 1;
    if (inputs * (typeof fields.dimensions === 'number' ? fields.dimensions : 8) > 262_144) return gatewayError(400, 'bad_request', ANY);
    return { status: 200, body: expect.objectContaining({ object: 'list', data: [expect.objectContaining({ object: 'embedding', index: 0 })] }) };
  });
}

export function createMessage(world: World, headers: Readonly<Record<string, string>>, body: string | undefined): Answer {
  return withKey(world, headers, () => {
    const { model } = peek(body);
    const problem = modelProblem(model);
    if (problem) return problem;
    return { status: 200, body: expect.objectContaining({ type: 'message', role: 'assistant', model }) };
  });
}

/** The rest of /v1/: the key first, then 404, or 405 for another method on a known route. */
export function unrouted(world: World, headers: Readonly<Record<string, string>>, allow: readonly string[] | undefined): Answer {
  const verdict = authenticate(world, gatewaySecret(headers));
  if (!verdict.ok) return rejection(world, verdict);
  return allow ? gatewayError(405, 'method_not_allowed', ANY) : gatewayError(404, 'not_found', ANY);
}
