// docs/verify.md documents the JSON report field by field: a table of paths (`steps[].id`) and
// JSON types. This compares that table with real reports, both ways.
import { readFileSync } from 'node:fs';

const JSON_TYPES = ['string', 'number', 'boolean', 'null', 'object', 'array'] as const;
type JsonType = (typeof JSON_TYPES)[number];

/** Path → the JSON types the docs allow there. */
export function documentedShape(): Map<string, Set<JsonType>> {
  const text = readFileSync(new URL('../../../docs/verify.md', import.meta.url), 'utf8');
  const section = text.slice(text.indexOf('## The JSON report'));
  const table = section.slice(0, section.indexOf('\n## ') === -1 ? undefined : section.indexOf('\n## '));
  const shape = new Map<string, Set<JsonType>>();
  for (const line of table.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
    const path = /^`([\w.[\]]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!path) continue;
    const types = [...(cells[2] ?? '').matchAll(/`(\w+)`/g)].map((match) => match[1] as JsonType).filter((type) => JSON_TYPES.includes(type));
    shape.set(path, new Set(types));
  }
  return shape;
}

const typeOf = (value: unknown): JsonType => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : (typeof value as JsonType));

function walk(value: unknown, path: string, into: Map<string, Set<JsonType>>): void {
  if (path !== '') {
    const types = into.get(path) ?? new Set<JsonType>();
    types.add(typeOf(value));
    into.set(path, types);
  }
  if (Array.isArray(value)) for (const item of value) walk(item, `${path}[]`, into);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, path === '' ? key : `${path}.${key}`, into);
}

/** What the reports hold that the docs do not say (or type otherwise), and what the docs say that no report held. */
export function checkReportShape(reports: readonly unknown[]): { undocumented: string[]; neverSeen: string[] } {
  const documented = documentedShape();
  const seen = new Map<string, Set<JsonType>>();
  for (const report of reports) walk(report, '', seen);
  const undocumented = [...seen].flatMap(([path, types]) => {
    const allowed = documented.get(path);
    const extra = [...types].filter((type) => !allowed?.has(type));
    return extra.length > 0 ? [`${path}: ${extra.join(' | ')}`] : [];
  });
  const neverSeen = [...documented.keys()].filter((path) => !seen.has(path));
  return { undocumented, neverSeen };
}
