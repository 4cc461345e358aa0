// One cell of the compat matrix: one Node, one toolchain. Every step runs on that Node (it comes
// first on PATH): the repository's mock suites and README examples, then the consumer's run-time
// checks on the installed tarballs (its type checks run once per toolchain: see run.ts).
import { join } from 'node:path';
import { runtimeChecks } from '../consumer/checks.ts';
import type { ModuleFormat } from '../consumer/project.ts';
import { exec } from '../support/exec.ts';
import { step, type StepResult } from '../support/steps.ts';
import { envFor, type NodeRuntime } from './node-binaries.ts';
import { copyRepoSuites, runRepoSuites } from './repo-suites.ts';

export interface CellProjects {
  root: string;
  /** The toolchain's consumer project (tarballs, msw, vitest, TypeScript) in one module format. */
  consumer: string;
  format: ModuleFormat;
  /** The project with the tarballs and no msw. */
  serverOnly: string;
  /** A fresh directory for this cell's copy of the repository suites. */
  cellDir: string;
}

export async function runCell(runtime: NodeRuntime, { root, consumer, format, serverOnly, cellDir }: CellProjects): Promise<StepResult[]> {
  const env = envFor(runtime);
  return [
    await step('Node on PATH', async () => {
      const result = await exec('node', ['--version'], { cwd: consumer, env });
      if (result.output.trim() !== runtime.version) throw new Error(`node --version printed ${result.output.trim()}, expected ${runtime.version}`);
    }),
    await step('repository suites: test/mock, README examples', async () => {
      await copyRepoSuites(root, cellDir, consumer, format);
      return runRepoSuites(cellDir, env);
    }),
    ...(await runtimeChecks({ consumer, format, serverOnly }, env)),
  ];
}
