// Paths into a JSON body, as the scenario and the report write them: `virtual_key.id`, and
// `data[@vk.id].name` for the item of the list `data` whose id is this side's `vk.id`.
import { MissingValue, type StepContext, type ValueName } from './step.js';

const SEGMENT = /([A-Za-z_][\w-]*)(?:\[@([^\]]+)\])?(?:\.|$)/y;

interface Segment {
  key: string;
  /** For `key[@value]`: the item of the array at `key` whose `id` is that value. */
  item?: ValueName;
}

export function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < path.length) {
    const match = SEGMENT.exec(path);
    if (!match) throw new Error(`not a body path: ${path}`);
    segments.push(match[2] ? { key: match[1]!, item: match[2] as ValueName } : { key: match[1]! });
  }
  return segments;
}

/** The value at `path`, or undefined when any part of it is missing (or this side never learnt the item's id). */
export function valueAt(body: unknown, path: string, context: StepContext): unknown {
  let current = body;
  for (const { key, item } of parsePath(path)) {
    if (!isObject(current)) return undefined;
    current = current[key];
    if (item !== undefined) {
      if (!Array.isArray(current)) return undefined;
      let id: string;
      try {
        id = context.value(item);
      } catch (error) {
        if (error instanceof MissingValue) return undefined;
        throw error;
      }
      current = current.find((entry) => isObject(entry) && entry.id === id);
    }
  }
  return current;
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
