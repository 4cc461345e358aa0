// The repository's consumer-style suites (test/mock and the README examples) in a compat cell:
// copied with the sources they test into a scratch directory whose node_modules is a link to a
// toolchain project's, so they run on that project's msw and vitest (and never touch the
// workspace's node_modules), apart from the project's own files. They run as written: the same
// files on msw 2 and msw 3 (onUnhandled() speaks both), in an ES-module or a CommonJS package.
import { cp, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModuleFormat } from '../consumer/project.ts';
import { exec } from '../support/exec.ts';

export const REPO_SUITES = ['test/mock', 'test/docs/readme-example.test.ts', 'test/docs/frozen-clock-example.test.ts', 'test/docs/unhandled-request.test.ts'];

export async function copyRepoSuites(root: string, destination: string, project: string, format: ModuleFormat): Promise<void> {
  await rm(destination, { recursive: true, force: true });
  await mkdir(destination, { recursive: true });
  await symlink(join(project, 'node_modules'), join(destination, 'node_modules'), 'dir');
  await writeFile(join(destination, 'package.json'), `${JSON.stringify({ private: true, type: format })}\n`);
  for (const pkg of await readdir(join(root, 'packages'))) await cp(join(root, 'packages', pkg, 'src'), join(destination, 'packages', pkg, 'src'), { recursive: true });
  // scripts/apis.ts: the one list of APIs, which the spec-conformance support reads; the server
  // support: test/mock/sdk-lifecycle.test.ts runs the SDK against the server as well as MSW.
  for (const path of [...REPO_SUITES, 'test/server/support/server.ts', 'vitest.config.ts', 'scripts/apis.ts']) await cp(join(root, path), join(destination, path), { recursive: true });
}

/** Runs the suites and returns vitest's summary line. */
export async function runRepoSuites(copy: string, env: NodeJS.ProcessEnv): Promise<string> {
  const result = await exec(join(copy, 'node_modules/.bin/vitest'), ['run', ...REPO_SUITES], { cwd: copy, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  if (result.code !== 0) throw new Error(`vitest (exit ${result.code}):\n${result.output.split('\n').slice(-60).join('\n')}`);
  return /Tests\s+\d+ passed[^\n]*/.exec(result.output)?.[0] ?? 'passed';
}
