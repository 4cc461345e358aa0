// The columns of the compat matrix: which msw and vitest a consumer tests with. msw 2 runs
// everywhere; msw 3 and vitest 5 only where their `engines` allow (read from the installed
// packages, so a release that raises them moves the matrix with it).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { installedVersion } from '../consumer/project.ts';
import type { Toolset } from '../consumer/projects.ts';

export interface Toolchain extends Toolset {
  label: string;
}

export async function toolchains(root: string): Promise<Toolchain[]> {
  const pinned = async (name: string) => `${name}@${await installedVersion(root, name)}`;
  const workspace = { typescript: await pinned('typescript'), typesNode: await pinned('@types/node') };
  return [
    { label: 'msw 2 · vitest 4', msw: await pinned('msw'), vitest: await pinned('vitest'), ...workspace },
    // Pinned (see NODES in run.ts). vitest 5 asks for @types/node 22 or later (a peer).
    { label: 'msw 3 · vitest 5', msw: 'msw@3.0.5', vitest: 'vitest@5.1.1', ...workspace, typesNode: '@types/node@22.20.5' },
  ];
}

/** Why this Node cannot run the project's msw or vitest, or undefined when it can. */
export async function engineMismatch(project: string, nodeVersion: string): Promise<string | undefined> {
  for (const name of ['msw', 'vitest']) {
    const pkg = JSON.parse(await readFile(join(project, 'node_modules', name, 'package.json'), 'utf8')) as { version: string; engines?: { node?: string } };
    const range = pkg.engines?.node;
    if (range && !semver.satisfies(nodeVersion, range)) return `${name} ${pkg.version} needs Node ${range}`;
  }
  return undefined;
}
