// The body of POST /api/api-keys as the route reads it (langwatch/src/app/api/api-keys/[[...route]]/app.ts:26-68
// @ 3dca0f685f): Hono's JSON validator, then createApiKeySchema, and on failure only zod's first
// issue: `422 {"error":"Unprocessable Entity","message":<issue.message>,"path":<issue.path>}`.
import type { MockRequest } from '../transport.js';
import { array, object, oneOf, optional, string, withDefault, INVALID, type Check, type Issue } from './schema-check.js';
import type { BindingRole, BindingScopeType } from './state.js';

export interface CreateApiKeyBody {
  keyType: 'personal' | 'service';
  name: string;
  description?: string;
  /** Epoch ms. */
  expiresAt?: number;
  bindings?: Array<{ role: BindingRole; scopeType: BindingScopeType; scopeId: string }>;
  projectIds?: string[];
}

/**
 * z.coerce.date(): `new Date(value)`, so `null` and `0` are 1970-01-01 and any past date passes
 * (such a key can never authenticate). A value with no usable primitive is an invalid date too.
 */
const coercedDate: Check<number> = (value, path, issues) => {
  let time = Number.NaN;
  try {
    time = new Date(value as string).getTime();
  } catch {
    // new Date({"toString":1,"valueOf":1}) throws; zod would too (a 500). The mock calls it invalid.
  }
  if (!Number.isNaN(time)) return time;
  issues.push({ code: 'invalid_date', path: [...path], message: 'Invalid date' });
  return INVALID;
};

const binding = object({ role: oneOf(['ADMIN', 'MEMBER', 'VIEWER'] as const), scopeType: oneOf(['ORGANIZATION', 'TEAM', 'PROJECT'] as const), scopeId: string({ min: 1 }) });

const createBody = object({
  keyType: withDefault(oneOf(['personal', 'service'] as const), () => 'personal'),
  name: string({ min: 1, max: 100 }),
  description: optional(string({ max: 500 })),
  expiresAt: optional(coercedDate),
  bindings: optional(array(binding, { max: 20 })),
  projectIds: optional(array(string({ min: 1 }), { max: 50 })),
});

/** The two `.refine`s, which zod runs once the object itself parsed. */
function refinements(body: CreateApiKeyBody): Issue | undefined {
  if (body.keyType !== 'service' && !(body.bindings && body.bindings.length > 0)) return { code: 'custom', message: 'bindings are required for personal keys', path: ['bindings'] };
  if (body.keyType !== 'service' && body.projectIds && body.projectIds.length > 0) {
    return { code: 'custom', message: 'projectIds is only supported for service keys; use bindings instead', path: ['projectIds'] };
  }
  return undefined;
}

export const unprocessable = (message: string, path?: ReadonlyArray<string | number>) => ({
  status: 422 as const,
  body: path === undefined ? { error: 'Unprocessable Entity', message } : { error: 'Unprocessable Entity', message, path },
});

/** Hono's test for a JSON body (hono/dist/validator/validator.js @ 4.12.16): anything else is read as `{}`. */
const JSON_TYPE = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/;

export function readCreateApiKeyBody(headers: MockRequest['headers'], text: string | undefined) {
  let json: unknown = {};
  const type = headers['content-type'];
  if (type !== undefined && JSON_TYPE.test(type)) {
    try {
      json = JSON.parse(text ?? '');
    } catch {
      // Hono throws HTTPException(400); the route's error handler turned it into a 500 (a bug). The spec documents 422.
      return { error: unprocessable('Malformed JSON in request body') };
    }
  }
  const issues: Issue[] = [];
  const parsed = createBody(json, [], issues);
  const first = issues[0] ?? (parsed === INVALID ? undefined : refinements(parsed as CreateApiKeyBody));
  if (first) return { error: unprocessable(String(first.message), first.path as Array<string | number>) };
  return { body: parsed as CreateApiKeyBody };
}
