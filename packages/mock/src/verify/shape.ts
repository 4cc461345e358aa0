// The shape of a JSON body: every field path with the JSON types seen there. Two services agree
// on a shape when they send the same fields with the same types, whatever the values.
import { isObject, valueAt } from './paths.js';
import type { ShapeRule, StepContext } from './step.js';

export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** Field path → the JSON types seen there (several for array items that differ), sorted. */
export type Shape = Record<string, JsonType[]>;

export const jsonType = (value: unknown): JsonType =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : isObject(value) ? 'object' : (typeof value as 'string' | 'number' | 'boolean');

/** Every path under `value`, prefixed; array items share the path `prefix[]`. `depth` 1 stops at the top level. */
function walk(value: unknown, prefix: string, into: Map<string, Set<JsonType>>, depth: number): void {
  if (depth === 0) return;
  const add = (path: string, item: unknown) => {
    const types = into.get(path) ?? new Set<JsonType>();
    types.add(jsonType(item));
    into.set(path, types);
    walk(item, path, into, depth - 1);
  };
  if (Array.isArray(value)) for (const item of value) add(`${prefix}[]`, item);
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) add(prefix === '' ? key : `${prefix}.${key}`, item);
}

const toShape = (paths: Map<string, Set<JsonType>>): Shape =>
  Object.fromEntries([...paths].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, types]) => [path, [...types].sort()]));

/** The shape of `body` under `rule`. For a list, the item this side created is under `list[@value]` (absent when not found). */
export function shapeOf(body: unknown, rule: ShapeRule, context: StepContext): Shape {
  const paths = new Map<string, Set<JsonType>>();
  if (rule === 'full') walk(body, '', paths, Infinity);
  else {
    walk(body, '', paths, 1);
    if (rule !== 'top-level') {
      const at = `${rule.list}[@${rule.item}]`;
      const item = valueAt(body, at, context);
      if (item !== undefined) {
        paths.set(at, new Set([jsonType(item)]));
        walk(item, at, paths, Infinity);
      }
    }
  }
  return toShape(paths);
}
