// A seed file, `{ "<family>": { "<entity>": [...] } }`, validated once against the families that
// will serve it. Validation runs each section on a scratch world of its family, through the same
// rules as every other way of creating entities; a plan that passed can populate any number of
// real worlds (the server's, and later a session's) without failing halfway.
import { createClock } from '../../core/clock.js';
import { InputError, readInput, rules, type Rules } from '../../core/inputs.js';
import type { AnyFamily } from '../../families/family.js';
import { defaultFamilies } from '../../families/index.js';

/** A validated seed file: each family's section, deep-frozen. Only parseSeedPlan makes one. */
export type SeedPlan = Readonly<Record<string, unknown>>;

const validated = new WeakSet<object>();

export const isSeedPlan = (value: unknown): value is SeedPlan => typeof value === 'object' && value !== null && validated.has(value);

/** Validates a parsed seed file. Throws an InputError naming the first bad entry ("langwatch.virtual_keys[1].environment"). */
export function parseSeedPlan(json: unknown, families: readonly AnyFamily[] = defaultFamilies): SeedPlan {
  if (isSeedPlan(json)) return json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InputError('', 'the seed file must hold a JSON object');
  }
  const sectionRules = { $schema: rules.string, ...Object.fromEntries(families.map((family) => [family.name, rules.object])) } as Rules<Record<string, unknown>>;
  const sections = readInput(sectionRules, json, '', 'camel');
  for (const family of families) {
    const section = sections[family.name];
    if (section !== undefined) family.populate(family.create(createClock('frozen'), {}), { demo: false, section, where: family.name });
  }
  const plan = deepFreeze(structuredClone(sections));
  validated.add(plan);
  return plan;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
