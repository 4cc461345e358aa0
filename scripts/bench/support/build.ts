// The server parts measure the built CLI (dist/cli.js, one esbuild bundle), not the sources:
// refuse a build older than any source it bundles, so that a figure never describes stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUNDLED_SOURCES = ['packages/runtime/src', 'packages/langwatch/src', 'packages/vine/src', 'packages/mock/src'];

export function builtCli(root: string): string {
  const cli = join(root, 'packages/mock/dist/cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
  const built = statSync(cli).mtimeMs;
  const newer = BUNDLED_SOURCES.flatMap((dir) => sourceFiles(join(root, dir))).find((file) => statSync(file).mtimeMs > built);
  if (newer) throw new Error(`dist/cli.js is older than ${newer.slice(root.length)}: run npm run build first`);
  return cli;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}
