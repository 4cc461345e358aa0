// The consumer projects: one per module format ("type": "module", and "commonjs" as npm 11's
// `npm init -y` writes it) that tests an app with msw and vitest (the README's suites as the
// README shows them, which readme-sync keeps identical to test/docs, plus the unhandled-request
// guard and a typed-usage file), and one with neither, for the server and CLI.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createProject, type ModuleFormat } from './project.ts';

/** npm specs, e.g. "msw@2.15.0". */
export interface Toolset {
  msw: string;
  vitest: string;
  typescript: string;
  typesNode: string;
}

export const FORMATS: readonly ModuleFormat[] = ['module', 'commonjs'];
export const formatLabel = (format: ModuleFormat) => (format === 'module' ? 'ESM' : 'CommonJS');

export async function createConsumerProject(root: string, dir: string, tarballs: readonly string[], tools: Toolset, format: ModuleFormat): Promise<void> {
  await createProject({ dir, format, tarballs, devDependencies: [tools.msw, tools.vitest, tools.typescript, tools.typesNode] });
  const read = (path: string) => readRepo(root, path);
  const files = {
    'revokit.test.ts': read('test/docs/readme-example.test.ts'),
    'frozen-clock.test.ts': read('test/docs/frozen-clock-example.test.ts'),
    'unhandled-request.test.ts': read('test/docs/unhandled-request.test.ts'),
    'consumer.ts': read('scripts/consumer/fixtures/consumer.ts'),
    'tsconfig.bundler.json': read('scripts/consumer/fixtures/tsconfig.bundler.json'),
    'tsconfig.nodenext.json': read('scripts/consumer/fixtures/tsconfig.nodenext.json'),
    'tsconfig.node16.json': read('scripts/consumer/fixtures/tsconfig.node16.json'),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

export async function createServerOnlyProject(root: string, dir: string, tarballs: readonly string[], tools: Pick<Toolset, 'typescript' | 'typesNode'>): Promise<void> {
  const read = (path: string) => readRepo(root, path);
  await createProject({
    dir,
    format: 'module',
    tarballs,
    devDependencies: [tools.typescript, tools.typesNode],
    files: {
      'server-only.ts': read('scripts/consumer/fixtures/server-only.ts'),
      'tsconfig.server-only.json': read('scripts/consumer/fixtures/tsconfig.server-only.json'),
    },
  });
}

const readRepo = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
