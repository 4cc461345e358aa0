// Request bodies checked the way the LangWatch app checks them: with zod 3 schemas, whose issues
// the app sends back (all of them as a JSON string on the virtual-key routes, the first one on the
// api-keys route). These few schema kinds produce zod 3.25's issues exactly (keys in its order,
// its messages), so that a client shows the same error against the mock as against the service.
// packages/mock/src/core/langwatch/schema-check.test.ts holds them to zod 3 itself.

/** A zod 3 issue, keys in zod's order. */
export type Issue = Record<string, unknown>;
export type Path = ReadonlyArray<string | number>;

/**
 * zod reports every issue; a megabyte of wrong array items would make a message of tens of
 * megabytes. The mock stops looking past this many (docs/divergences.md).
 */
export const MAX_ISSUES = 100;

/** What a failed check leaves in place of a value. */
export const INVALID: unique symbol = Symbol('invalid');

export interface Check<T> {
  /** The value with defaults filled in, or INVALID; pushes every issue found. */
  (value: unknown, path: Path, issues: Issue[]): T | typeof INVALID;
}

/** zod 3's name for the type of a JSON value. */
function typeName(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isNaN(value) ? 'nan' : 'number';
  return typeof value;
}

function invalidType(expected: string, value: unknown, path: Path): Issue {
  const received = typeName(value);
  return { code: 'invalid_type', expected, received, path: [...path], message: received === 'undefined' ? 'Required' : `Expected ${expected}, received ${received}` };
}

const quoted = (options: readonly string[]) => options.map((option) => `'${option}'`).join(' | ');

/** zod 3's length checks: `check.message` is undefined, so `message` keeps its place before `path`. */
function tooSmall(type: 'string' | 'array', minimum: number, path: Path): Issue {
  const what = type === 'string' ? 'String must contain at least' : 'Array must contain at least';
  return { code: 'too_small', minimum, type, inclusive: true, exact: false, message: `${what} ${minimum} ${type === 'string' ? 'character(s)' : 'element(s)'}`, path: [...path] };
}

function tooBig(type: 'string' | 'array', maximum: number, path: Path): Issue {
  const what = type === 'string' ? 'String must contain at most' : 'Array must contain at most';
  return { code: 'too_big', maximum, type, inclusive: true, exact: false, message: `${what} ${maximum} ${type === 'string' ? 'character(s)' : 'element(s)'}`, path: [...path] };
}

export function string(limits: { min?: number; max?: number } = {}): Check<string> {
  return (value, path, issues) => {
    if (typeof value !== 'string') return issues.push(invalidType('string', value, path)), INVALID;
    let ok = true;
    if (limits.min !== undefined && value.length < limits.min) ok = !issues.push(tooSmall('string', limits.min, path));
    if (limits.max !== undefined && value.length > limits.max) ok = !issues.push(tooBig('string', limits.max, path));
    return ok ? value : INVALID;
  };
}

export const boolean: Check<boolean> = (value, path, issues) => (typeof value === 'boolean' ? value : (issues.push(invalidType('boolean', value, path)), INVALID));

/** z.number().int() with an optional .nonnegative() (`min: 0`) or .positive() (`above: 0`). */
export function integer(bound: { min?: number; above?: number } = {}): Check<number> {
  return (value, path, issues) => {
    if (typeof value !== 'number' || Number.isNaN(value)) return issues.push(invalidType('number', value, path)), INVALID;
    let ok = true;
    if (!Number.isInteger(value)) ok = !issues.push({ code: 'invalid_type', expected: 'integer', received: 'float', message: 'Expected integer, received float', path: [...path] });
    if (bound.min !== undefined && value < bound.min) {
      ok = !issues.push({ code: 'too_small', minimum: bound.min, type: 'number', inclusive: true, exact: false, message: `Number must be greater than or equal to ${bound.min}`, path: [...path] });
    }
    if (bound.above !== undefined && value <= bound.above) {
      ok = !issues.push({ code: 'too_small', minimum: bound.above, type: 'number', inclusive: false, exact: false, message: `Number must be greater than ${bound.above}`, path: [...path] });
    }
    return ok ? value : INVALID;
  };
}

export function oneOf<T extends string>(options: readonly T[]): Check<T> {
  return (value, path, issues) => {
    if (typeof value !== 'string') {
      const received = typeName(value);
      issues.push({ expected: quoted(options), received, code: 'invalid_type', path: [...path], message: received === 'undefined' ? 'Required' : `Expected ${quoted(options)}, received ${received}` });
      return INVALID;
    }
    if (options.includes(value as T)) return value as T;
    issues.push({ received: value, code: 'invalid_enum_value', options: [...options], path: [...path], message: `Invalid enum value. Expected ${quoted(options)}, received '${value}'` });
    return INVALID;
  };
}

export function array<T>(item: Check<T>, limits: { min?: number; max?: number } = {}): Check<T[]> {
  return (value, path, issues) => {
    if (!Array.isArray(value)) return issues.push(invalidType('array', value, path)), INVALID;
    let ok = true;
    if (limits.min !== undefined && value.length < limits.min) ok = !issues.push(tooSmall('array', limits.min, path));
    if (limits.max !== undefined && value.length > limits.max) ok = !issues.push(tooBig('array', limits.max, path));
    const out: T[] = [];
    for (let index = 0; index < value.length; index++) {
      if (issues.length >= MAX_ISSUES) return INVALID;
      const parsed = item(value[index], [...path, index], issues);
      if (parsed === INVALID) ok = false;
      else out.push(parsed);
    }
    return ok ? out : INVALID;
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** z.record(z.string(), value). */
export function record<T>(item: Check<T>): Check<Record<string, T>> {
  return (value, path, issues) => {
    if (!isObject(value)) return issues.push(invalidType('object', value, path)), INVALID;
    let ok = true;
    const out: Record<string, T> = {};
    for (const [key, element] of Object.entries(value)) {
      if (issues.length >= MAX_ISSUES) return INVALID;
      const parsed = item(element, [...path, key], issues);
      if (parsed === INVALID) ok = false;
      // zod skips "__proto__", which would otherwise set the object's prototype.
      else if (key !== '__proto__') out[key] = parsed;
    }
    return ok ? out : INVALID;
  };
}

type Shape = Record<string, Check<unknown>>;
type Parsed<S extends Shape> = { [K in keyof S]: Exclude<ReturnType<S[K]>, typeof INVALID> };

/** z.object(shape): checked in shape order; keys outside the shape are dropped; absent results stay absent. */
export function object<S extends Shape>(shape: S): Check<Parsed<S>> {
  return (value, path, issues) => {
    if (!isObject(value)) return issues.push(invalidType('object', value, path)), INVALID;
    let ok = true;
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const parsed = check(value[key], [...path, key], issues);
      if (parsed === INVALID) ok = false;
      else if (parsed !== undefined || key in value) out[key] = parsed;
    }
    return ok ? (out as Parsed<S>) : INVALID;
  };
}

export const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value, path, issues) =>
    value === undefined ? undefined : check(value, path, issues);

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value, path, issues) =>
    value === null ? null : check(value, path, issues);

/** `fallback` makes a fresh default each time, so that no two values share one. */
export const withDefault =
  <T>(check: Check<T>, fallback: () => unknown): Check<T> =>
  (value, path, issues) =>
    check(value === undefined ? fallback() : value, path, issues);

/** zod 3's ZodError#message: every issue, as pretty-printed JSON. */
export const issuesMessage = (issues: readonly Issue[]): string => JSON.stringify(issues.slice(0, MAX_ISSUES), null, 2);
