import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiProblems, packagesInChangeset, type ApiState } from './changesets.ts';
import { typesEntries } from './entries.ts';
import { apiReport } from './report.ts';
import { formatReportFile, hashOf, parseReportFile } from './report-file.ts';

const scratch = mkdtempSync(join(tmpdir(), 'revokit-api-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fixturePackage(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const exportsMap = {
  '.': { import: { types: './dist/index.d.ts', default: './dist/index.js' }, require: { types: './dist/index.d.cts', default: './dist/index.js' } },
  './generated/*': { types: './dist/generated/*.d.ts', default: './dist/generated/*.js' },
  './package.json': './package.json',
};

function reportOf(index: string): string {
  const dir = fixturePackage(`pkg-${hashOf(index)}`, {
    'package.json': JSON.stringify({ name: '@fixture/pkg', type: 'module', exports: { '.': { types: './dist/index.d.ts' } } }),
    'dist/index.d.ts': index,
    'dist/internal.d.ts': '/** hidden */\nexport interface Options { retries?: number }\nexport interface Unused { x: 1 }\n',
  });
  return apiReport({ name: '@fixture/pkg', dir, entries: [{ specifier: '@fixture/pkg', conditions: [], file: 'dist/index.d.ts' }] });
}

describe('typesEntries', () => {
  it('lists each subpath and condition, expanding patterns against the emitted files', () => {
    const dir = fixturePackage('entries', { 'dist/generated/a/types.d.ts': '', 'dist/generated/a/types.js': '', 'dist/index.d.ts': '' });
    expect(typesEntries(dir, { name: '@fixture/pkg', exports: exportsMap })).toEqual([
      { specifier: '@fixture/pkg', conditions: ['import'], file: 'dist/index.d.ts' },
      { specifier: '@fixture/pkg', conditions: ['require'], file: 'dist/index.d.cts' },
      { specifier: '@fixture/pkg/generated/a/types', conditions: [], file: 'dist/generated/a/types.d.ts' },
    ]);
  });
});

describe('apiReport', () => {
  const base = "import type { Options } from './internal.js';\n/** Does it. */\nexport declare function run(options?: Options): void;\n";

  it('prints each export and the declarations it uses without exporting them', () => {
    const report = reportOf(base);
    expect(report).toContain('export declare function run(options?: Options): void;');
    expect(report).toContain('## Used by the exports, not exported');
    expect(report).toContain('export interface Options {\n    retries?: number;\n}');
    expect(report).not.toContain('Unused');
  });

  it('ignores comments, and sees a change to a type the exports use', () => {
    expect(reportOf(base.replace('/** Does it. */', '// reworded'))).toBe(reportOf(base));
    expect(reportOf(`${base}export type Extra = string;\n`)).not.toBe(reportOf(base));
  });
});

describe('the release rule', () => {
  it('reads the packages a changeset names', () => {
    expect(packagesInChangeset('---\n"@revokit/langwatch": minor\n\'@revokit/mock\': patch\n---\n\nSummary: not: a package\n')).toEqual(['@revokit/langwatch', '@revokit/mock']);
    expect(packagesInChangeset('---\n---\n\nempty')).toEqual([]);
  });

  const state = (over: Partial<ApiState>): ApiState => ({ name: '@revokit/vine', committed: 'A', current: 'A', releasedHash: hashOf('A'), ...over });

  it('passes an API as released, and a changed one with a changeset naming the package', () => {
    expect(apiProblems([state({})], new Map(), hashOf)).toEqual([]);
    expect(apiProblems([state({ committed: 'B', current: 'B' })], new Map([['@revokit/vine', ['x.md']]]), hashOf)).toEqual([]);
  });

  it('fails a stale report, and an API changed since its release with no changeset for it', () => {
    expect(apiProblems([state({ current: 'B' })], new Map([['@revokit/vine', ['x.md']]]), hashOf)).toEqual([
      '@revokit/vine: the committed API report is not what the build emits: run `npm run api` and commit it',
    ]);
    expect(apiProblems([state({ committed: 'B', current: 'B' })], new Map([['@revokit/mock', ['x.md']]]), hashOf)).toEqual([
      '@revokit/vine: its public API changed since the last release and no changeset names it: run `npx changeset` and describe the change',
    ]);
  });

  it('keeps the released API in the report file across rewrites', () => {
    const text = formatReportFile('@revokit/vine', { released: { version: '0.1.0', hash: hashOf('## a\n') }, body: '## a\n' });
    expect(parseReportFile(text)).toEqual({ released: { version: '0.1.0', hash: hashOf('## a\n') }, body: '## a\n' });
  });
});
