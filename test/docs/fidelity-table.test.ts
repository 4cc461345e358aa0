// docs/divergences.md names a test for every behaviour the mocks decide. This keeps each of those
// names true: the file exists and holds a test with that text in its name.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/divergences.md', root), 'utf8');

/** Table rows (not header or rule rows) of every table after the first one, split on unescaped pipes. */
function fidelityRows(markdown: string): string[][] {
  const tables = markdown.split(/\n(?=## )/).filter((section) => !section.startsWith('## Undocumented responses'));
  return tables.flatMap((section) =>
    section
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| ---') && !line.startsWith('| Behaviour |'))
      .map((line) => line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim())),
  );
}

/** `path` › "name" pairs of a cell; names may escape quotes as \". */
function references(cell: string): Array<{ file: string; name: string }> {
  return [...cell.matchAll(/`([^`]+)` › "((?:[^"\\]|\\.)*)"/g)].map(([, file, name]) => ({ file: file!, name: name!.replace(/\\"/g, '"') }));
}

const STRING = String.raw`(['"\x60])((?:\\.|(?!\1)[^\\])*)\1`;
/** The titles of `it(`/`describe(` calls, and the labels opening the rows of `it.each([...])` tables. */
function testTitles(source: string): string[] {
  const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
  const titles = [...source.matchAll(new RegExp(String.raw`\b(?:it|describe)(?:\.each(?:<[^>]*>)?\([\s\S]*?\))?\(\s*${STRING}`, 'g'))];
  const rowLabels = [...source.matchAll(new RegExp(String.raw`^\s*\[\s*${STRING}`, 'gm'))];
  return [...titles, ...rowLabels].map((match) => unescape(match[2]!));
}

const rows = fidelityRows(doc);

describe('docs/divergences.md, the fidelity tables', () => {
  it('has rows of four cells, each naming at least one test', () => {
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) {
      expect(row, row[0]).toHaveLength(4);
      expect(references(row[3]!).length, row[0]).toBeGreaterThan(0);
    }
  });

  it.each(rows.flatMap((row) => references(row[3]!).map((ref) => [row[0]!.slice(0, 60), ref] as const)))('%s → a test that exists', (_behaviour, { file, name }) => {
    const url = new URL(file, root);
    expect(existsSync(url), file).toBe(true);
    const titles = testTitles(readFileSync(url, 'utf8'));
    expect(titles.some((title) => title.includes(name)), `${file} has no test named like "${name}"`).toBe(true);
  });
});
