// The bodies of POST and PATCH /api/gateway/v1/virtual-keys[/{id}], read as the route reads them
// (langwatch/src/app/api/gateway-platform/[[...route]]/app.ts:217-231, 341-347, 442-448 @ 3dca0f685f):
// `safeParse(await c.req.json())`, unknown keys dropped, and every issue sent back as zod 3's
// message in `{"error":{"type":"bad_request","code":"validation_error","message":…}}`.
import { array, issuesMessage, nullable, object, oneOf, optional, string, withDefault, INVALID, type Issue } from './schema-check.js';
import { configPatch } from './virtual-key-config.js';
import { ENVIRONMENTS, type Environment } from './formats.js';

export interface CreateVirtualKeyBody {
  name: string;
  description?: string;
  environment: Environment;
  principal_user_id?: string | null;
  provider_credential_ids: string[];
  config?: Record<string, unknown>;
}

export interface UpdateVirtualKeyBody {
  name?: string;
  description?: string | null;
  provider_credential_ids?: string[];
  config?: Record<string, unknown>;
}

const name = string({ min: 1, max: 128 });

const createBody = object({
  name,
  description: optional(string()),
  environment: withDefault(oneOf(ENVIRONMENTS), () => 'live'),
  principal_user_id: optional(nullable(string())),
  provider_credential_ids: array(string(), { min: 1 }),
  config: optional(configPatch),
});

const updateBody = object({
  name: optional(name),
  description: optional(nullable(string())),
  provider_credential_ids: optional(array(string(), { min: 1 })),
  config: optional(configPatch),
});

/** The nested error body of these routes (the OpenAPI's 400 "Validation error"). */
export const badRequest = (code: string, message: string) => ({ status: 400 as const, body: { error: { type: 'bad_request', code, message } } });

/**
 * A body that is not JSON made the spec-era route throw from `c.req.json()`, a 500 (a bug); the
 * spec documents a 400, with production's code and message for it since 2026-07
 * (platform/app/src/server/api/validation.ts, MalformedRequestError @ 6ce6cbb33f).
 */
const malformed = () => badRequest('malformed_request', 'The request body could not be parsed.');

function read<T>(check: (value: unknown, path: [], issues: Issue[]) => unknown, text: string | undefined) {
  let json: unknown;
  try {
    json = JSON.parse(text ?? '');
  } catch {
    return { error: malformed() };
  }
  const issues: Issue[] = [];
  const parsed = check(json, [], issues);
  if (parsed === INVALID || issues.length > 0) return { error: badRequest('validation_error', issuesMessage(issues)) };
  return { body: parsed as T };
}

export const readCreateBody = (text: string | undefined) => read<CreateVirtualKeyBody>(createBody, text);
export const readUpdateBody = (text: string | undefined) => read<UpdateVirtualKeyBody>(updateBody, text);
