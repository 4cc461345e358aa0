// Strict readers for JSON objects from outside (control-plane bodies, seed files). Every
// failure names the field by its full path, so the message alone tells what to fix.
import { ISO_INSTANT_EXAMPLE, parseIsoInstant } from './iso-instant.js';

export class InputError extends Error {
  constructor(
    /** Dotted path of the offending field, e.g. "langwatch.virtual_keys[1].environment". */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export const joinPath = (base: string, key: string | number): string =>
  typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type FieldReader = ReturnType<typeof readFields>;

/**
 * Checks that `value` is an object with no field outside `allowed`, and returns typed
 * readers for its fields. `where` names the object itself in messages ("body" at the top).
 */
export function readFields(value: unknown, where: string, allowed: readonly string[]) {
  const label = where || 'body';
  if (!isPlainObject(value)) throw new InputError(label, `${label} must be a JSON object`);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new InputError(joinPath(where, key), `unknown field "${joinPath(where, key)}" (expected ${allowed.join(', ') || 'none'})`);
    }
  }
  const fail = (key: string, expectation: string): never => {
    throw new InputError(joinPath(where, key), `${joinPath(where, key)} must be ${expectation}`);
  };
  const get = (key: string): unknown => value[key];

  return {
    has: (key: string): boolean => value[key] !== undefined,
    string(key: string): string | undefined {
      const v = get(key);
      if (v === undefined) return undefined;
      return typeof v === 'string' ? v : fail(key, 'a string');
    },
    nonEmptyString(key: string): string | undefined {
      const v = get(key);
      if (v === undefined) return undefined;
      return typeof v === 'string' && v !== '' ? v : fail(key, 'a non-empty string');
    },
    nullableString(key: string): string | null | undefined {
      const v = get(key);
      if (v === undefined || v === null) return v;
      return typeof v === 'string' ? v : fail(key, 'a string or null');
    },
    boolean(key: string): boolean | undefined {
      const v = get(key);
      if (v === undefined) return undefined;
      return typeof v === 'boolean' ? v : fail(key, 'true or false');
    },
    integer(key: string, min: number, max: number): number | undefined {
      const v = get(key);
      if (v === undefined) return undefined;
      return Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : fail(key, `an integer from ${min} to ${max}`);
    },
    oneOf<T extends string>(key: string, choices: readonly T[]): T | undefined {
      const v = get(key);
      if (v === undefined) return undefined;
      return choices.includes(v as T) ? (v as T) : fail(key, `one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
    },
    stringArray(key: string): string[] | undefined {
      const v = get(key);
      if (v === undefined) return undefined;
      return Array.isArray(v) && v.every((item) => typeof item === 'string') ? [...v] : fail(key, 'an array of strings');
    },
    stringMap(key: string): Record<string, string> | undefined {
      const v = get(key);
      if (v === undefined) return undefined;
      return isPlainObject(v) && Object.values(v).every((item) => typeof item === 'string') ? { ...(v as Record<string, string>) } : fail(key, 'an object of string values');
    },
    /** An ISO 8601 (RFC 3339) date-time string with an explicit offset, as epoch ms. */
    isoDate(key: string): number | undefined {
      const v = get(key);
      if (v === undefined) return undefined;
      if (typeof v !== 'string') return fail(key, `an ISO 8601 date-time string (e.g. ${ISO_INSTANT_EXAMPLE})`);
      const instant = parseIsoInstant(v);
      if (instant.ok) return instant.epochMs;
      throw new InputError(joinPath(where, key), `${joinPath(where, key)}: ${JSON.stringify(v.slice(0, 64))} ${instant.reason}`);
    },
    array(key: string): unknown[] | undefined {
      const v = get(key);
      if (v === undefined) return undefined;
      return Array.isArray(v) ? v : fail(key, 'an array');
    },
    raw: get,
  };
}
