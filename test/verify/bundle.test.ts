// The CLI is one esbuild bundle (dist/cli.js); verify rides in it. Built here from the sources,
// as the build does, it must hold verify and no msw (`revokit-mock` needs no msw installed).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

it('the CLI bundle holds verify and no msw', async () => {
  const result = await build({
    entryPoints: [`${root}packages/mock/src/cli.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    // The workspace packages from their sources, as the tests read them.
    alias: { '@revokit/langwatch': `${root}packages/langwatch/src`, '@revokit/vine': `${root}packages/vine/src`, '@revokit/runtime': `${root}packages/runtime/src` },
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs).toContain('packages/mock/src/verify/main.ts');
  expect(inputs).toContain('packages/mock/src/server/world/world.ts');
  expect(inputs.filter((input) => /(^|\/)(node_modules\/)?msw\//.test(input) || input.includes('/msw/'))).toEqual([]);
  expect(result.outputFiles[0]!.text).not.toMatch(/from ["']msw/);
});
