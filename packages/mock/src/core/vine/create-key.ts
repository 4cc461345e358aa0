// POST /api/v1/keys (Vine docs, "Create an API key"): no authentication (`security: []`), a
// CreateKeyRequest (`name` 1–100, `env` live|test defaulting to test, `scopes` defaulting to the
// documented three, nothing else: `additionalProperties: false`), `201 { key: KeyCreated }` with
// the plaintext shown this once. The 422's code and messages are not documented: they are ours,
// the code the same guess as detect's (docs/divergences.md).
import type { operations } from '@revokit/vine/generated/vine/types';
import type { OperationInput } from '../dispatcher.js';
import { isoTime } from '../iso-time.js';
import type { SecretTracker } from '../secrets.js';
import type { SpecResponse } from '../spec-response.js';
import { DEFAULT_ENVIRONMENT, ENVIRONMENTS, type Environment } from './formats.js';
import { vineError, type VineError } from './keys.js';
import { DEFAULT_SCOPES, mintVineKey } from './mint.js';
import { keyPrefixOf, type VineState } from './state.js';

type CreateResponse = SpecResponse<operations['postApiV1Keys'], VineError>;

const FIELDS = ['name', 'env', 'scopes'];

/** The request's fields, or the 422 message. Names a client sent are quoted back redacted and cut short. */
function readBody(text: string | undefined, redact: (text: string) => string): { name: string; env: Environment; scopes: readonly string[] } | { problem: string } {
  let body: unknown;
  try {
    body = JSON.parse(text ?? '');
  } catch {
    return { problem: 'The request body must be a JSON object with a "name"' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problem: 'The request body must be a JSON object with a "name"' };
  const { name, env = DEFAULT_ENVIRONMENT, scopes = DEFAULT_SCOPES, ...rest } = body as Record<string, unknown>;
  const extra = Object.keys(rest).find((field) => !FIELDS.includes(field));
  if (extra !== undefined) return { problem: `Unknown field "${redact(extra).slice(0, 100)}": the body takes only "name", "env" and "scopes"` };
  if (name === undefined) return { problem: '"name" is required' };
  if (typeof name !== 'string' || name.length < 1 || name.length > 100) return { problem: '"name" must be a string of 1 to 100 characters' };
  if (!ENVIRONMENTS.includes(env as Environment)) return { problem: '"env" must be "live" or "test"' };
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) return { problem: '"scopes" must be an array of strings' };
  return { name, env: env as Environment, scopes };
}

export function createVineKey(state: VineState, secrets: SecretTracker, input: OperationInput, redact: (text: string) => string): CreateResponse {
  const read = readBody(input.body, redact);
  if ('problem' in read) return { status: 422, body: vineError(422, 'validation_failed', read.problem).body };
  const key = mintVineKey(state, secrets, { name: read.name, environment: read.env, scopes: read.scopes }, input.now);
  return {
    status: 201,
    body: { key: { id: key.id, name: key.name, keyPrefix: keyPrefixOf(key), plaintext: key.plaintext, scopes: [...key.scopes], rateTier: key.rateTier, createdAt: isoTime(key.createdAt) } },
  };
}
