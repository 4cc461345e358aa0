// Client code must run in browsers and edge runtimes: no Node built-ins, no
// Node-only globals. Test files and test support (src/testing) are exempt.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packagesDir = fileURLToPath(new URL('../../', import.meta.url));
const NODE_BUILTIN = /from\s+['"](node:[^'"]+|fs|path|util|http|https|net|os|crypto|stream|zlib|child_process|url)['"]/;
const NODE_GLOBAL = /\b(process|Buffer|require|__dirname|__filename|setImmediate)\b/;

async function clientSources(): Promise<string[]> {
  const files: string[] = [];
  for (const pkg of ['runtime', 'langwatch', 'vine']) {
    const root = join(packagesDir, pkg, 'src');
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      if (entry.isFile() && path.endsWith('.ts') && !path.endsWith('.test.ts') && !relative(root, path).startsWith('testing')) files.push(path);
    }
  }
  return files;
}

describe('client sources', () => {
  it('are found', async () => {
    expect((await clientSources()).length).toBeGreaterThan(15);
  });

  it('import no Node built-ins and use no Node-only globals', async () => {
    const offenders: string[] = [];
    for (const file of await clientSources()) {
      const code = (await readFile(file, 'utf8')).replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      if (NODE_BUILTIN.test(code) || NODE_GLOBAL.test(code)) offenders.push(relative(packagesDir, file));
    }
    expect(offenders).toEqual([]);
  });
});
