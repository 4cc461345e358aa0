// The bundlers an app may put our clients through, each run as an app build would run it,
// on an entry file of our own. Every one reports its JS output and the source modules that
// reached it, so a caller can both size the output and prove what is (not) in it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild, transform, type Plugin as EsbuildPlugin } from 'esbuild';
import { rollup, type Plugin as RollupPlugin } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build as vite } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

export interface BundleOutput {
  /** Minified JavaScript files. */
  files: { name: string; code: Uint8Array }[];
  /** Source modules with code in the output (absolute paths). */
  modules: string[];
}

export interface Bundler {
  name: string;
  bundle(entry: string): Promise<BundleOutput>;
}

// @revokit/<package>[/<subpath>] from its TypeScript source, so a figure never reflects a stale dist/.
const REVOKIT = /^@revokit\/([a-z]+)(?:\/(.+))?$/;
const sourceOf = (specifier: string) => {
  const [, name, subpath] = REVOKIT.exec(specifier)!;
  return join(root, 'packages', name!, 'src', `${subpath ?? 'index'}.ts`);
};

const esbuildSource: EsbuildPlugin = {
  name: 'revokit-source',
  setup(builder) {
    builder.onResolve({ filter: REVOKIT }, (args) => ({ path: sourceOf(args.path) }));
  },
};

/** Rollup knows neither our aliases nor TypeScript: resolve them and strip the types with esbuild. */
const rollupSource: RollupPlugin = {
  name: 'revokit-source',
  resolveId(source, importer) {
    if (REVOKIT.test(source)) return sourceOf(source);
    // The sources import './x.js' meaning './x.ts', as TypeScript's NodeNext resolution wants.
    if (importer?.endsWith('.ts') && source.startsWith('.') && source.endsWith('.js')) {
      const ts = join(dirname(importer), source.replace(/\.js$/, '.ts'));
      if (existsSync(ts)) return ts;
    }
    return null;
  },
  async transform(code, id) {
    return id.endsWith('.ts') ? { code: (await transform(code, { loader: 'ts', format: 'esm' })).code, map: null } : null;
  },
};

const minify = async (code: string) => new TextEncoder().encode((await transform(code, { minify: true, format: 'esm' })).code);

function esbuildWith(splitting: boolean): Bundler {
  return {
    name: splitting ? 'esbuild --splitting' : 'esbuild',
    async bundle(entry) {
      const result = await esbuild({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        splitting,
        outdir: join(root, '.size-out'), // never written: write is false
        write: false,
        metafile: true,
        logLevel: 'silent',
        plugins: [esbuildSource],
      });
      return {
        files: result.outputFiles.filter((file) => file.path.endsWith('.js')).map((file) => ({ name: file.path, code: file.contents })),
        modules: Object.values(result.metafile.outputs).flatMap((output) =>
          Object.entries(output.inputs)
            .filter(([, input]) => input.bytesInOutput > 0)
            .map(([path]) => join(root, path)),
        ),
      };
    },
  };
}

const rollupBundler: Bundler = {
  name: 'rollup',
  async bundle(entry) {
    const bundle = await rollup({ input: entry, plugins: [rollupSource, nodeResolve({ browser: true })], logLevel: 'silent' });
    try {
      const { output } = await bundle.generate({ format: 'es' });
      const chunks = output.filter((item) => item.type === 'chunk');
      return {
        files: await Promise.all(chunks.map(async (chunk) => ({ name: chunk.fileName, code: await minify(chunk.code) }))),
        modules: chunks.flatMap((chunk) => Object.entries(chunk.modules).filter(([, module]) => module.renderedLength > 0).map(([id]) => id)),
      };
    } finally {
      await bundle.close();
    }
  },
};

/** `vite build` of an app whose entry is a script: Vite's own resolution, TypeScript handling and minifier. */
const viteBundler: Bundler = {
  name: 'vite',
  async bundle(entry) {
    const result = await vite({
      configFile: false,
      root: dirname(entry),
      logLevel: 'silent',
      plugins: [{ name: 'revokit-source', enforce: 'pre', resolveId: (source) => (REVOKIT.test(source) ? sourceOf(source) : null) }],
      build: { write: false, rollupOptions: { input: entry }, modulePreload: false, reportCompressedSize: false },
    });
    const chunks = (Array.isArray(result) ? result : [result]).flatMap((item) => ('output' in item ? item.output : [])).filter((item) => item.type === 'chunk');
    return {
      files: chunks.map((chunk) => ({ name: chunk.fileName, code: new TextEncoder().encode(chunk.code) })),
      modules: chunks.flatMap((chunk) => Object.entries(chunk.modules).filter(([, module]) => module.renderedLength > 0).map(([id]) => id)),
    };
  },
};

/** esbuild without splitting (its default, and what wrangler does) first: `npm run size` budgets that one. */
export const bundlers: Bundler[] = [esbuildWith(false), esbuildWith(true), viteBundler, rollupBundler];
