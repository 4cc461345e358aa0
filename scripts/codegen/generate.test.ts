// The generator end to end: deterministic output, committed output up to date, and
// `generate --check` failing (naming the stale files) once a spec changes.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTarget } from './generate-target.ts';
import { targets } from './targets.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const generateScript = join(root, 'scripts/generate.ts');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');

function runGenerate(...args: string[]) {
  return spawnSync(process.execPath, [tsx, generateScript, ...args], { encoding: 'utf8', timeout: 60_000 });
}

describe('generateTarget', () => {
  it.each(targets.map((target) => [target.spec, target] as const))('%s: byte-identical when run twice', async (_, target) => {
    const first = await generateTarget(root, target);
    const second = await generateTarget(root, target);
    expect([...first.keys()]).toEqual([...second.keys()]);
    for (const [path, content] of first) expect(second.get(path), path).toBe(content);
  });

  it.each(targets.map((target) => [target.spec, target] as const))('%s: the committed output is what the spec produces', async (_, target) => {
    for (const [path, content] of await generateTarget(root, target)) {
      expect(await readFile(join(root, path), 'utf8'), path).toBe(content);
    }
  });
});

describe('generate --check on a copy of the repo', () => {
  let copy: string;

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'revokit-generate-'));
    await cp(join(root, 'specs'), join(copy, 'specs'), { recursive: true });
    for (const target of targets) await cp(join(root, target.outDir), join(copy, target.outDir), { recursive: true });
  });
  afterAll(async () => {
    await rm(copy, { recursive: true, force: true });
  });

  it('passes while the copy is up to date', () => {
    const result = runGenerate('--check', '--root', copy);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('generated code is up to date');
  });

  it('fails, naming each stale file, after a spec is touched', async () => {
    const spec = join(copy, 'specs/vine.yaml');
    const original = await readFile(spec, 'utf8');
    await writeFile(spec, original.replace("'404':", "'410':"));
    const result = runGenerate('--check', '--root', copy);
    expect(result.status).toBe(1);
    for (const file of ['types.ts', 'schemas.ts', 'operations.ts']) {
      expect(result.stderr).toContain(`packages/vine/src/generated/vine/${file} (stale)`);
    }
    expect(result.stderr).not.toContain('langwatch');
    await writeFile(spec, original);
  });

  it('fails naming the file and the problem when a spec is invalid', async () => {
    const spec = join(copy, 'specs/langwatch-api-keys.yaml');
    const original = await readFile(spec, 'utf8');
    await writeFile(spec, original.replace('      security:\n        - admin_api_key: []', "      security:\n        - admin_api_key: []\n      x-broken:\n        $ref: '#/components/schemas/Nope'"));
    const result = runGenerate('--check', '--root', copy);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('specs/langwatch-api-keys.yaml: broken $ref "#/components/schemas/Nope"');
    await writeFile(spec, original);
  });

  it('regenerating repairs the copy', async () => {
    const file = join(copy, 'packages/langwatch/src/generated/virtual-keys/schemas.ts');
    await writeFile(file, '// edited by hand\n');
    expect(runGenerate('--check', '--root', copy).stderr).toContain('packages/langwatch/src/generated/virtual-keys/schemas.ts (stale)');
    expect(runGenerate('--root', copy).status).toBe(0);
    expect(runGenerate('--check', '--root', copy).status).toBe(0);
  });
});
