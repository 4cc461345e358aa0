// The dashboard shows strings from the server (names, ids, urls anyone can send) as text only: its
// sources never hand a string to an HTML parser. The browser test feeds it markup to prove it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../packages/mock/ui/src/', import.meta.url));
const sources = (path: string): string[] =>
  readdirSync(path, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(path, entry.name)) : entry.name.endsWith('.ts') ? [join(path, entry.name)] : []));

it('uses no HTML-parsing API', () => {
  const files = sources(dir);
  expect(files.length).toBeGreaterThan(10);
  const offenders = files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|document\.write|DOMParser|srcdoc|eval|new Function)\b/g)].map((match) => `${file}: ${match[1]}`),
  );
  expect(offenders).toEqual([]);
});
