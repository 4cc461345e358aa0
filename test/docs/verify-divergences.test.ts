// verify's known differences (packages/mock/src/verify/known-differences.ts) and
// docs/divergences.md are one source of truth: each entry names a row that exists, and every
// row that marks the mock as differing from the real service is an entry, or is listed as one
// the scenario cannot observe.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_DIFFERENCES, NOT_OBSERVED } from '../../packages/mock/src/verify/known-differences.js';
import { scenario } from '../../packages/mock/src/verify/scenario/index.js';

const doc = readFileSync(new URL('../../docs/divergences.md', import.meta.url), 'utf8');

/** Every table row of docs/divergences.md, with its section (the `## ` heading above it). */
function rows(markdown: string): Array<{ section: string; cells: string[] }> {
  return markdown.split(/\n(?=## )/).flatMap((part) => {
    const section = /^## (.+)/.exec(part)?.[1]?.trim() ?? '';
    return part
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
      .map((line) => ({ section, cells: line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim()) }));
  });
}

/** The mock column says it differs (**mock-only**, **partial**, **mock choice**), or the real column names a bug the mock does not copy. */
const marksADifference = ({ cells }: { cells: string[] }) => cells.length === 4 && (/\*\*(mock-only|partial|mock choice)\*\*/i.test(cells[2]!) || /\*\*(at `[0-9a-f]+` )?a bug/i.test(cells[1]!));

const all = rows(doc);
const key = (section: string, row: string) => `${section} › ${row}`;

describe('verify knows the divergences docs/divergences.md documents', () => {
  it('finds the rows that mark the mock as differing (guards against a vacuous pass)', () => {
    expect(all.filter(marksADifference).length).toBeGreaterThanOrEqual(6);
  });

  it('every known difference names a row that exists, under its section', () => {
    const existing = new Set(all.map(({ section, cells }) => key(section, cells[0]!)));
    const missing = [...KNOWN_DIFFERENCES.map((entry) => entry.doc), ...NOT_OBSERVED].filter((row) => !existing.has(key(row.section, row.row)));
    expect(missing).toEqual([]);
  });

  it('every row that marks the mock as differing is known to verify, or listed as not observable with a reason', () => {
    const known = new Set([...KNOWN_DIFFERENCES.map((entry) => entry.doc), ...NOT_OBSERVED].map((row) => key(row.section, row.row)));
    const unknown = all.filter(marksADifference).map(({ section, cells }) => key(section, cells[0]!)).filter((row) => !known.has(row));
    expect(unknown).toEqual([]);
    expect(NOT_OBSERVED.every((row) => row.why.length > 10)).toBe(true);
  });

  it('names only steps the scenario has, and ids once', () => {
    const ids = new Set(scenario.map((step) => step.id));
    expect(KNOWN_DIFFERENCES.flatMap((entry) => entry.match.steps ?? []).filter((id) => !ids.has(id))).toEqual([]);
    expect(new Set(KNOWN_DIFFERENCES.map((entry) => entry.id)).size).toBe(KNOWN_DIFFERENCES.length);
    expect(KNOWN_DIFFERENCES.filter((entry) => entry.kind === 'option').every((entry) => entry.option?.startsWith('--'))).toBe(true);
  });
});
