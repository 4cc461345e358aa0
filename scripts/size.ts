// npm run size: what each client costs a browser bundle, minified and gzipped.
// "without validation" is the entry chunk plus every chunk it imports statically;
// "with validation" adds the chunks loaded by import() once validateResponses is on.
// Exits 1 when zod reaches the static part, or the LangWatch client exceeds its budget.
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Target {
  name: string;
  entry: string;
  /** min+gzip bytes allowed without validation (1 kB = 1000 bytes). */
  budget?: number;
}

export const targets: Target[] = [
  { name: '@revokit/langwatch', entry: 'packages/langwatch/src/index.ts', budget: 6_000 },
  { name: '@revokit/vine', entry: 'packages/vine/src/index.ts' },
];

// Bundle @revokit/runtime (and its subpaths) from source, so a figure never reflects a stale dist/.
const runtimeFromSource: Plugin = {
  name: 'runtime-from-source',
  setup(builder) {
    builder.onResolve({ filter: /^@revokit\/runtime(\/.+)?$/ }, (args) => ({
      path: join(root, 'packages/runtime/src', `${args.path.split('/')[2] ?? 'index'}.ts`),
    }));
  },
};

export interface Measurement {
  name: string;
  withoutValidation: number;
  withValidation: number;
  staticChunks: string[];
  lazyChunks: string[];
  /** Inputs of the static chunks that come from zod (must be none). */
  zodInStatic: string[];
}

export async function measure(target: Target): Promise<Measurement> {
  const outdir = join(root, '.size-out'); // never written: write is false
  const result = await build({
    entryPoints: [join(root, target.entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    splitting: true,
    outdir,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [runtimeFromSource],
  });
  const gzipped = new Map(result.outputFiles.map((file) => [relative(root, file.path), gzipSync(file.contents, { level: 9 }).length]));
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === target.entry);
  if (!entry) throw new Error(`no output chunk for ${target.entry}`);

  const staticChunks = closure(outputs, [entry], ['import-statement']);
  const allChunks = closure(outputs, [entry], ['import-statement', 'dynamic-import']);
  const lazyChunks = allChunks.filter((chunk) => !staticChunks.includes(chunk));
  const size = (chunks: string[]) => chunks.reduce((sum, chunk) => sum + (gzipped.get(chunk) ?? 0), 0);
  return {
    name: target.name,
    withoutValidation: size(staticChunks),
    withValidation: size(allChunks),
    staticChunks,
    lazyChunks,
    zodInStatic: staticChunks.flatMap((chunk) => Object.keys(outputs[chunk]!.inputs)).filter((input) => /node_modules\/zod\//.test(input)),
  };
}

/** Output chunks reachable from `start` through imports of the given kinds. */
function closure(outputs: Metafile['outputs'], start: string[], kinds: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const chunk = queue.shift()!;
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    for (const imported of outputs[chunk]?.imports ?? []) {
      if (!imported.external && kinds.includes(imported.kind)) queue.push(imported.path);
    }
  }
  return [...seen];
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

async function main(): Promise<void> {
  let failed = false;
  console.log('min+gzip (esbuild, esm, browser, code splitting)');
  for (const target of targets) {
    const m = await measure(target);
    const budget = target.budget === undefined ? '' : `  (budget ${kB(target.budget)})`;
    console.log(`${m.name}`);
    console.log(`  without validation  ${kB(m.withoutValidation)}${budget}  [${m.staticChunks.length} chunk(s)]`);
    console.log(`  with validation     ${kB(m.withValidation)}  [+${m.lazyChunks.length} lazy chunk(s)]`);
    if (m.zodInStatic.length > 0) {
      console.error(`  FAIL: zod is bundled without validation: ${m.zodInStatic.slice(0, 3).join(', ')}`);
      failed = true;
    }
    if (m.lazyChunks.length === 0) {
      console.error('  FAIL: validation is not split into a lazily loaded chunk');
      failed = true;
    }
    if (target.budget !== undefined && m.withoutValidation > target.budget) {
      console.error(`  FAIL: ${kB(m.withoutValidation)} exceeds the budget of ${kB(target.budget)}`);
      failed = true;
    }
  }
  if (failed) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
