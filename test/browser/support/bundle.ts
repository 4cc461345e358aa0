// Bundles the in-page scenario for the browser with esbuild, against the TypeScript sources
// (like the Node suites), so the test covers the code in the repo rather than a stale dist/.
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const packages = fileURLToPath(new URL('../../../packages/', import.meta.url));
const entry = fileURLToPath(new URL('../page/scenario.ts', import.meta.url));

// '@revokit/x' -> packages/x/src/index.ts; '@revokit/x/sub/path' -> packages/x/src/sub/path.ts.
const revokitSources: Plugin = {
  name: 'revokit-sources',
  setup(b) {
    b.onResolve({ filter: /^@revokit\/[a-z]+(\/.+)?$/ }, ({ path }) => {
      const [, name, sub] = /^@revokit\/([a-z]+)(?:\/(.+))?$/.exec(path)!;
      return { path: `${packages}${name}/src/${sub ?? 'index'}.ts` };
    });
  },
};

export async function bundleScenario(): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'silent',
    plugins: [revokitSources],
  });
  // Warnings are not fatal, but surface them: a node: import or a missing shim shows up here.
  for (const warning of result.warnings) console.warn(`esbuild: ${warning.text}`);
  return result.outputFiles[0]!.text;
}
