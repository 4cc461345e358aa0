// docs/architecture.md names files; each one must exist, so the page cannot drift from the code.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const mockSrc = join(root, 'packages/mock/src');

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? allFiles(join(dir, entry.name)) : [entry.name]));
}

it('every file docs/architecture.md names exists', () => {
  const text = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
  const names = [...new Set([...text.matchAll(/`([\w./-]+\.ts)`/g)].map((match) => match[1]!))].filter((name) => !name.includes('<'));
  expect(names.length).toBeGreaterThan(30);
  const bare = new Set(allFiles(mockSrc));
  const missing = names.filter((name) =>
    name.includes('/') ? !existsSync(join(mockSrc, name)) && !existsSync(join(root, name)) && !existsSync(join(root, 'packages', name)) : !bare.has(name),
  );
  expect(missing).toEqual([]);
});
