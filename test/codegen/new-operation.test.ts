// The mock's behaviours are keyed by the generated operation table: add an operation to a
// spec, regenerate, and the mock core stops type-checking until it has a behaviour.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = (script: string, ...args: string[]) => spawnSync(process.execPath, [join(root, script), ...args], { encoding: 'utf8', timeout: 120_000 });

const restoreOperation = `  /api/v1/keys/{id}/restore:
    post:
      summary: Restore a revoked key
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        '200':
          description: Key restored.
      security: []
`;

describe('a new spec operation without a behaviour', () => {
  let copy: string;
  const typeCheckCore = () => node('node_modules/typescript/bin/tsc', '-p', join(copy, 'tsconfig.json'));

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'revokit-new-operation-'));
    for (const dir of ['specs', 'packages/langwatch/src/generated', 'packages/vine/src/generated', 'packages/mock/src/core']) {
      await cp(join(root, dir), join(copy, dir), { recursive: true, filter: (source) => !source.endsWith('.test.ts') });
    }
    // The mock core alone, with the packages' generated code resolved inside the copy.
    const tsconfig = {
      extends: join(root, 'tsconfig.base.json'),
      compilerOptions: {
        composite: false, declaration: false, declarationMap: false, noEmit: true,
        module: 'ESNext', moduleResolution: 'Bundler', types: ['node'], typeRoots: [join(root, 'node_modules/@types')],
        paths: { '@revokit/langwatch/generated/*': ['./packages/langwatch/src/generated/*.ts'], '@revokit/vine/generated/*': ['./packages/vine/src/generated/*.ts'] },
      },
      include: ['packages/mock/src/core'],
    };
    await writeFile(join(copy, 'tsconfig.json'), JSON.stringify(tsconfig));
  }, 60_000);
  afterAll(() => rm(copy, { recursive: true, force: true }));

  it('type-checks while the spec is unchanged (the control)', () => {
    const result = typeCheckCore();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it('fails to type-check, naming the operation, once the spec gains one', async () => {
    const spec = join(copy, 'specs/vine.yaml');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('components:\n', `${restoreOperation}components:\n`));
    const generated = node('node_modules/tsx/dist/cli.mjs', join(root, 'scripts/generate.ts'), '--root', copy);
    expect(generated.status, generated.stderr).toBe(0);

    const result = typeCheckCore();
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/core\/vine\/create\.ts.*postApiV1KeysByIdRestore/s);
  }, 120_000);
});
