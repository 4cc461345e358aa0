// Response validation, seen from the runtime: a validator answers with the first
// problem or nothing. No client module imports a validator: the app imports one
// (`@revokit/langwatch/validators`, `@revokit/vine/validators`) and passes it as the
// `validators` option, so zod is bundled only by apps that ask for it, in every bundler.

export interface ValidationProblem {
  /** Dotted path of the bad field: `virtual_key.status`, `provider_credential_ids[0]`; "" for the body itself. */
  path: string;
  problem: string;
}

export type ResponseValidator = (operation: string, status: number, body: unknown) => ValidationProblem | undefined;

/** What the `validators` option takes: the schemas of one API, checked synchronously. */
export interface ResponseValidators<Api extends string = string> {
  /** The client these belong to ("langwatch", "vine"): a client refuses another API's validators. */
  readonly api: Api;
  readonly validate: ResponseValidator;
}

/** The structural part of a zod issue this module reads (no zod import). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  expected?: unknown;
  values?: readonly unknown[];
  format?: string;
  keys?: readonly string[];
}

export interface SchemaLike {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly IssueLike[] } };
}

/** Builds the validators of one API from schemas keyed by operation and status (the generated `responseSchemas`). */
export function validatorsFor<Api extends string>(api: Api, schemas: Record<string, Partial<Record<number, SchemaLike>>>): ResponseValidators<Api> {
  return { api, validate: validatorFor(schemas) };
}

export function validatorFor(schemas: Record<string, Partial<Record<number, SchemaLike>>>): ResponseValidator {
  return (operation, status, body) => {
    const schema = schemas[operation]?.[status];
    if (!schema) return { path: '', problem: `status ${status} is not documented for this operation` };
    const result = schema.safeParse(body);
    return result.success ? undefined : describeIssue(result.error.issues[0], body);
  };
}

/** Names the field and what was expected. Received values are never quoted: they may be secrets. */
export function describeIssue(issue: IssueLike | undefined, body: unknown): ValidationProblem {
  if (!issue) return { path: '', problem: 'invalid' };
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return { path, problem: `expected ${String(issue.expected)}, received ${kindAt(body, issue.path)}` };
    case 'invalid_value':
      return { path, problem: `expected one of ${(issue.values ?? []).map((value) => JSON.stringify(value)).join(' | ')}` };
    case 'invalid_format':
      return { path, problem: `expected ${issue.format ?? 'a different'} format` };
    case 'unrecognized_keys':
      return { path, problem: `unexpected keys ${(issue.keys ?? []).join(', ')}` };
    default:
      return { path, problem: issue.code.replace(/_/g, ' ') };
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

function kindAt(body: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = body;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !(key in node)) return 'nothing';
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node === null ? 'null' : Array.isArray(node) ? 'array' : typeof node;
}
