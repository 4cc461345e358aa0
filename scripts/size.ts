// npm run size: what each client costs an app's bundle, minified and gzipped, in each bundler
// an app may use. "without validation" is an app importing the whole client; "with
// validation" also imports the client's validators subpath, as an app turning them on does.
// Exits 1 when zod reaches an app without validation in any bundler, or when the LangWatch
// client exceeds its budget under esbuild's default options (no code splitting).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { clientPackages } from './apis.ts';
import { bundlers, type Bundler } from './size/bundlers.ts';

export interface Target {
  name: string;
  /** The app's import of the client, and of its validators when it turns them on. */
  app: string;
  validatedApp?: string;
  /** min+gzip bytes allowed without validation under esbuild's defaults (1 kB = 1000 bytes). */
  budget?: number;
}

// A namespace object on globalThis: every export stays, whatever the bundler's tree shaking.
const app = (...imports: [name: string, specifier: string][]) =>
  `${imports.map(([name, specifier]) => `import * as ${name} from '${specifier}';`).join('\n')}\n(globalThis as any).app = { ${imports.map(([name]) => name).join(', ')} };\n`;

/** min+gzip budgets without validation (1 kB = 1000 bytes), per client package. */
const BUDGETS: Partial<Record<string, number>> = { langwatch: 5_000 };

/** Every client package of the one list of APIs (scripts/apis.ts), with and without its validators. */
export const targets: Target[] = clientPackages.map((pkg) => {
  const target: Target = {
    name: `@revokit/${pkg}`,
    app: app(['client', `@revokit/${pkg}`]),
    validatedApp: app(['client', `@revokit/${pkg}`], ['validators', `@revokit/${pkg}/validators`]),
  };
  const budget = BUDGETS[pkg];
  return budget === undefined ? target : { ...target, budget };
});

/** What the clients are measured against: an app calling openapi-fetch's createClient, and nothing else. */
export const openapiFetchAlone: Target = {
  name: 'openapi-fetch alone',
  app: "import createClient from 'openapi-fetch';\n(globalThis as any).app = { createClient };\n",
};

export interface Measurement {
  bytes: number;
  /** zod modules with code in the output. */
  zodModules: string[];
}

/** Bundles an app's source with one bundler; min+gzip of every JS file it emits. */
export async function measure(source: string, bundler: Bundler): Promise<Measurement> {
  // Inside the repository, so the app resolves openapi-fetch and zod as an app would: from node_modules.
  const cache = join(dirname(fileURLToPath(import.meta.url)), '../node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'revokit-size-'));
  try {
    const entry = join(dir, 'app.ts');
    writeFileSync(entry, source);
    const output = await bundler.bundle(entry);
    return {
      bytes: output.files.reduce((sum, file) => sum + gzipSync(file.code, { level: 9 }).length, 0),
      zodModules: output.modules.filter((module) => /[\\/]node_modules[\\/]zod[\\/]/.test(module)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

async function main(): Promise<void> {
  const failures: string[] = [];
  const [defaultBundler] = bundlers;
  console.log(`min+gzip of an app importing each client (budgets apply to ${defaultBundler!.name}: no code splitting, its default)\n`);
  console.log(['', ...bundlers.map((bundler) => bundler.name)].map((cell) => cell.padEnd(22)).join(''));
  for (const target of [...targets, openapiFetchAlone]) {
    const rows: [string, string | undefined][] = [[target.name, target.app]];
    if (target.validatedApp) rows.push(['  with validators', target.validatedApp]);
    for (const [label, source] of rows) {
      const cells: string[] = [];
      for (const bundler of bundlers) {
        const m = await measure(source!, bundler);
        const withoutValidation = source === target.app && target !== openapiFetchAlone;
        cells.push(`${kB(m.bytes)}${withoutValidation && m.zodModules.length > 0 ? ' ZOD!' : ''}`);
        if (withoutValidation && m.zodModules.length > 0) failures.push(`${target.name} bundles zod without validation under ${bundler.name}: ${m.zodModules[0]}`);
        if (withoutValidation && bundler === defaultBundler && target.budget !== undefined && m.bytes > target.budget) {
          failures.push(`${target.name}: ${kB(m.bytes)} under ${bundler.name} exceeds its budget of ${kB(target.budget)}`);
        }
      }
      console.log([label, ...cells].map((cell) => cell.padEnd(22)).join(''));
    }
  }
  for (const target of targets) if (target.budget !== undefined) console.log(`\nbudget ${target.name}: ${kB(target.budget)} (${defaultBundler!.name})`);
  for (const failure of failures) console.error(`FAIL: ${failure}`);
  if (failures.length > 0) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
