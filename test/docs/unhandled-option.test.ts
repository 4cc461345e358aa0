// msw 3 renamed listen()'s onUnhandledRequest to onUnhandledFrame and ignores the old name, so a
// suite that spells either itself is safe on one major only. Every suite and snippet here says
// it with onUnhandled() (both names), so the compat matrix runs the same files on msw 2 and 3.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SPELLED = /\b(listen|start)\(\s*\{[^}]*\bonUnhandled(Request|Frame)\s*:/;

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !entry.parentPath.includes('node_modules'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

it('no suite, script or doc passes msw one major\'s option name itself', () => {
  const candidates = [...files('test', /\.ts$/), ...files('scripts', /\.ts$/), ...files('docs', /\.md$/), 'README.md'];
  expect(candidates.length).toBeGreaterThan(30);
  // In markdown only code blocks count: prose may name the option to warn against it.
  const code = (path: string) => {
    const text = readFileSync(join(root, path), 'utf8');
    return path.endsWith('.md') ? [...text.matchAll(/^ *```[a-z]*\n([\s\S]*?)^ *```/gm)].map((match) => match[1]).join('\n') : text;
  };
  const offenders = candidates.filter((path) => path !== 'test/docs/unhandled-option.test.ts' && SPELLED.test(code(path)));
  expect(offenders).toEqual([]);
});

it('the pattern catches both spellings', () => {
  expect(SPELLED.test("server.listen({ onUnhandledRequest: 'error' })")).toBe(true);
  expect(SPELLED.test("worker.start({ quiet: true, onUnhandledFrame: 'warn' })")).toBe(true);
  expect(SPELLED.test("server.listen(onUnhandled('error'))")).toBe(false);
});
