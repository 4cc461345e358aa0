// POST /api/v1/detect, the least of Vine's data plane: enough for an app to see its key work and,
// once revoked, fail. Revocation is immediate here. The 401 message is the meaning the docs' error
// table gives ("Missing, invalid, or revoked key"); its code, and the 422's message, are ours
// (docs/divergences.md). Detection itself finds nothing: `providers` is always empty.
import type { OperationInput } from '../dispatcher.js';
import type { MockResponse } from '../transport.js';
import { vineError } from './keys.js';
import type { VineState } from './state.js';

export const UNAUTHORIZED_MESSAGE = 'Missing, invalid, or revoked key';

/** `Authorization: Bearer <key>`, any case of "Bearer". */
function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined || authorization.slice(0, 7).toLowerCase() !== 'bearer ') return undefined;
  return authorization.slice(7).trim() || undefined;
}

function isActiveKey(state: VineState, plaintext: string | undefined): boolean {
  if (plaintext === undefined) return false;
  for (const key of state.keys.values()) {
    if (key.plaintext === plaintext) return key.revokedAt === null;
  }
  return false;
}

/** The request's `url`, or the 422 message. The docs' DetectRequest: `{ url }`, required, `format: uri`, no other field. */
function readUrl(body: string | undefined, redact: (text: string) => string): { url: string } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    return { problem: 'The request body must be a JSON object with a "url"' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { problem: 'The request body must be a JSON object with a "url"' };
  const { url, ...rest } = parsed as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  // The field's name is quoted back, and a client may have put a credential there.
  if (extra !== undefined) return { problem: `Unknown field "${redact(extra).slice(0, 100)}": the body takes only "url"` };
  if (url === undefined) return { problem: '"url" is required' };
  if (typeof url !== 'string' || !isAbsoluteUrl(url)) return { problem: '"url" must be an absolute URL' };
  return { url };
}

function isAbsoluteUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

export function detect(state: VineState, input: OperationInput, redact: (text: string) => string): MockResponse {
  if (!isActiveKey(state, bearerToken(input.headers.authorization))) return vineError(401, 'unauthorized', UNAUTHORIZED_MESSAGE);
  const read = readUrl(input.body, redact);
  if ('problem' in read) return vineError(422, 'validation_failed', read.problem);
  return { status: 200, body: { schemaVersion: 'extraction.v1', url: read.url, providers: [] } };
}
