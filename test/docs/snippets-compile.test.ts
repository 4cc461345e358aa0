// Every TypeScript snippet of the README and docs/ compiles, as a user's strict project would
// compile it (tsc --strict with exactOptionalPropertyTypes), against the packages as built
// (their dist/ declarations, through the workspace links), each block a module of its own. A
// fragment gets what it needs from a `<!-- ts-context: … -->` comment above its fence (support/snippets.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { snippetsOf, type Snippet } from './support/snippets.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository, so that node_modules (and the root package.json's "type": "module") apply.
const scratch = join(root, 'node_modules/.cache/revokit-snippets');

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    types: ['node'],
    skipLibCheck: true,
  },
  include: ['*/*.ts'],
};

function markdownFiles(): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
  return ['README.md', ...docs.sort()];
}

it('every ```ts block of README.md and docs/ compiles under tsc --strict and exactOptionalPropertyTypes, and every options type takes undefined', () => {
  // The snippets import the packages as users do (their dist/): bring it up to date first.
  const build = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b', 'packages/runtime', 'packages/langwatch', 'packages/vine', 'packages/mock'], { cwd: root, encoding: 'utf8' });
  expect(build.status, build.stdout + build.stderr).toBe(0);

  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  // One folder per page, so that a page's blocks can import each other (ts-file) and no other page's.
  const files = new Map<string, Snippet>();
  for (const doc of markdownFiles()) {
    const folder = doc.replace(/[^a-z0-9]+/gi, '_');
    mkdirSync(join(scratch, folder));
    for (const snippet of snippetsOf(join(root, doc), undefined, doc)) {
      const path = `${folder}/${snippet.file}`;
      if (files.has(path)) throw new Error(`${snippet.where}: another block of ${doc} is already ${snippet.file}`);
      files.set(path, snippet);
      writeFileSync(join(scratch, path), snippet.source);
    }
  }
  // Beside them, the check that every options type takes undefined in each field.
  mkdirSync(join(scratch, 'support'));
  writeFileSync(join(scratch, 'support/exact-optional.ts'), readFileSync(join(root, 'test/docs/support/exact-optional.ts'), 'utf8'));
  writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  expect(files.size).toBeGreaterThanOrEqual(15);

  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', scratch], { cwd: root, encoding: 'utf8' });
  // "name.ts(12,5): error TS…" → "README.md:130: error TS…", counting from the block's fence.
  const errors = tsc.stdout.replace(/^(\S+\.ts)\((\d+),(\d+)\)/gm, (whole, file: string, line: string) => {
    const snippet = files.get(file.split('/').slice(-2).join('/'));
    if (!snippet) return whole;
    const inBlock = Number(line) - snippet.contextLines;
    return inBlock > 0 ? `${snippet.where.replace(/:\d+$/, '')}:${snippet.line + inBlock}` : `${snippet.where} (in its ts-context)`;
  });
  expect(errors.trim()).toBe('');
  expect(tsc.status).toBe(0);
}, 120_000);
