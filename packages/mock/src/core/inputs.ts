// Options that come from outside: the seed and fault options of the programmatic API, and the
// JSON bodies of the control plane and the seed file. Each input has one set of rules, read in
// either naming (camelCase for TypeScript callers, snake_case for JSON), so it is validated in
// one place whichever door it came through, and every failure names the field by its full path.

/** Bad input from a caller. A TypeError, so programmatic callers can catch it as one. */
export class InputError extends TypeError {
  override name = 'InputError';
  constructor(
    /** Dotted path of the offending field, e.g. "langwatch.virtual_keys[1].environment"; "body" for the whole body. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Rule<T> {
  /** How the message completes "<field> must be …". */
  expected: string;
  accepts(value: unknown): value is T;
  /** Deeper checks once `accepts` passed; throws an InputError naming a sub-field. */
  check?(value: T, field: string): void;
}

/** One rule per field of T; every field is optional in the input. */
export type Rules<T> = { [K in keyof T]-?: Rule<Exclude<T[K], undefined>> };

export type Naming = 'camel' | 'snake';

/** Where an input comes from, so that messages name its fields as the caller wrote them. */
export interface InputSource {
  /** Path of the object in messages, e.g. "langwatch.virtual_keys[1]"; "" for a whole body. */
  where: string;
  naming: Naming;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

export const rules = {
  string: { expected: 'a string', accepts: isString } as Rule<string>,
  nonEmptyString: { expected: 'a non-empty string', accepts: (v): v is string => isString(v) && v !== '' } as Rule<string>,
  nullableString: { expected: 'a string or null', accepts: (v): v is string | null => v === null || isString(v) } as Rule<string | null>,
  boolean: { expected: 'true or false', accepts: (v): v is boolean => typeof v === 'boolean' } as Rule<boolean>,
  stringArray: { expected: 'an array of strings', accepts: (v): v is string[] => Array.isArray(v) && v.every(isString) } as Rule<string[]>,
  object: { expected: 'a JSON object', accepts: isPlainObject } as Rule<Record<string, unknown>>,
  array: { expected: 'an array', accepts: (v): v is unknown[] => Array.isArray(v) } as Rule<unknown[]>,
  oneOf<T extends string>(choices: readonly T[]): Rule<T> {
    return { expected: `one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`, accepts: (v): v is T => choices.includes(v as T) };
  },
  integer(min: number, max: number): Rule<number> {
    return { expected: `an integer from ${min} to ${max}`, accepts: (v): v is number => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max };
  },
  /** Response headers to add: valid names and values, and none that frames the message. */
  headers(forbidden: ReadonlySet<string>): Rule<Record<string, string>> {
    return {
      expected: 'an object of string values',
      accepts: (v): v is Record<string, string> => isPlainObject(v) && Object.values(v).every(isString),
      check(headers, field) {
        for (const [name, value] of Object.entries(headers)) {
          if (!HEADER_NAME.test(name)) throw new InputError(`${field}.${name}`, `${field}: ${JSON.stringify(name)} is not a valid header name`);
          if (forbidden.has(name.toLowerCase())) throw new InputError(`${field}.${name}`, `${field}: ${name} frames the response and cannot be injected`);
          if (!HEADER_VALUE.test(value)) throw new InputError(`${field}.${name}`, `${field}.${name} contains characters not allowed in a header value`);
        }
      },
    };
  },
};

export const joinPath = (base: string, key: string | number): string => (typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key);

/** "principalUserId" → "principal_user_id". */
export const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const nameIn = (naming: Naming, name: string): string => (naming === 'snake' ? snakeCase(name) : name);

/** A JSON value with every object key in snake_case, for the JSON doors out (control plane, banner). */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [snakeCase(key), snakeKeys(item)]));
}

/**
 * Checks that `value` is an object with no field outside `fieldRules` and that each present field
 * (undefined counts as absent) passes its rule; returns the fields, arrays copied. `where` names the
 * object in messages ("" at the top of a body, which messages call "body").
 */
export function readInput<T>(fieldRules: Rules<T>, value: unknown, where: string, naming: Naming): T {
  const label = where || 'body';
  if (!isPlainObject(value)) throw new InputError(label, `${label} must be a JSON object`);
  const byName = new Map(Object.keys(fieldRules).map((key) => [nameIn(naming, key), key]));
  for (const name of Object.keys(value)) {
    if (!byName.has(name) && value[name] !== undefined) {
      const field = joinPath(where, name);
      throw new InputError(field, `unknown field "${field}" (expected ${[...byName.keys()].join(', ') || 'none'})`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [name, key] of byName) {
    const item = value[name];
    if (item === undefined) continue;
    const rule = (fieldRules as Record<string, Rule<unknown>>)[key]!;
    const field = joinPath(where, name);
    if (!rule.accepts(item)) throw new InputError(field, `${field} must be ${rule.expected}`);
    rule.check?.(item, field);
    out[key] = Array.isArray(item) ? [...item] : isPlainObject(item) ? { ...item } : item;
  }
  return out as T;
}
