// npm run generate            regenerate packages/*/src/generated from specs/
// npm run generate -- --check exit 1, naming each stale file, when the committed output is out of date
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { targets } from './codegen/targets.ts';
import { generateTarget } from './codegen/generate-target.ts';
import { SpecError } from './codegen/load-spec.ts';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    root: { type: 'string', default: resolve(dirname(fileURLToPath(import.meta.url)), '..') },
  },
});
const root = values.root!;

try {
  const stale: string[] = [];
  for (const target of targets) {
    const started = performance.now();
    const files = await generateTarget(root, target);
    console.log(`${target.spec} → ${target.outDir}/ (${files.size} files, ${Math.round(performance.now() - started)} ms)`);
    const expected = new Set(files.keys());
    for (const [path, content] of files) {
      const absolute = join(root, path);
      const current = await readFile(absolute, 'utf8').catch(() => undefined);
      if (current === content) continue;
      if (values.check) stale.push(`${path} (${current === undefined ? 'missing' : 'stale'})`);
      else {
        await mkdir(dirname(absolute), { recursive: true });
        await writeFile(absolute, content);
        console.log(`wrote ${path}`);
      }
    }
    for (const extra of await listFiles(join(root, target.outDir))) {
      const path = relative(root, extra);
      if (expected.has(path)) continue;
      if (values.check) stale.push(`${path} (not produced by ${target.spec})`);
      else await rm(extra);
    }
  }
  if (stale.length > 0) {
    console.error(`Generated code is out of date with specs/. Run \`npm run generate\` and commit:\n${stale.map((s) => `  ${s}`).join('\n')}`);
    process.exit(1);
  }
  if (values.check) console.log('generated code is up to date');
} catch (error) {
  if (error instanceof SpecError) {
    console.error(`generate: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(dir, entry.name));
}
