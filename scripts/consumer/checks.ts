// What a consumer does with the installed tarballs, on whichever Node `env`'s PATH puts first.
// Type checks do not depend on the Node that runs tsc, so the compat matrix runs them once per
// toolchain; the run-time checks run on every Node.
import { join } from 'node:path';
import { exec } from '../support/exec.ts';
import { step, type StepResult } from '../support/steps.ts';
import { checkCli } from './cli-check.ts';

export interface ConsumerProjects {
  /** With msw, vitest and the README suites. */
  consumer: string;
  /** With the tarballs and no msw. */
  serverOnly: string;
}

/**
 * Declarations (ours, msw's, vitest's) are checked in full once, under node16; under bundler
 * only the consumer's own files are (skipLibCheck): a full second pass would double the
 * slowest step, and attw already checks every entry's declarations under bundler resolution.
 */
export async function typeChecks({ consumer, serverOnly }: ConsumerProjects, env: NodeJS.ProcessEnv): Promise<StepResult[]> {
  return [
    await step('tsc --strict, moduleResolution bundler (skipLibCheck)', () => run(consumer, env, bin(consumer, 'tsc'), ['-p', 'tsconfig.bundler.json'])),
    await step('tsc --strict, moduleResolution node16, declarations too', () => run(consumer, env, bin(consumer, 'tsc'), ['-p', 'tsconfig.node16.json'])),
    await step('tsc --strict: @revokit/mock/server without msw', () => run(serverOnly, env, bin(serverOnly, 'tsc'), ['-p', 'tsconfig.server-only.json'])),
  ];
}

export async function runtimeChecks({ consumer, serverOnly }: ConsumerProjects, env: NodeJS.ProcessEnv): Promise<StepResult[]> {
  return [
    await step('vitest: README suite, frozen-clock example, unhandled-request guard', async () => {
      const output = await run(consumer, env, bin(consumer, 'vitest'), ['run']);
      const files = /Test Files\s+(\d+) passed/.exec(output)?.[1];
      if (files !== '3') throw new Error(`expected 3 test files to pass:\n${output}`);
      return /Tests\s+\d+ passed/.exec(output)?.[0];
    }),
    await step('import @revokit/mock/server without msw', () =>
      run(serverOnly, env, 'node', ['--input-type=module', '-e', SERVE_ONCE]).then((output) => output.trim())),
    await step('npx revokit-mock', () => checkCli(serverOnly, env)),
  ];
}

const SERVE_ONCE = `
import { createMockServer } from '@revokit/mock/server';
const mock = createMockServer();
const url = await mock.listen({ port: 0 });
const health = await (await fetch(url + '/__mock/health')).text();
await mock.close();
if (health !== '{"ok":true}') throw new Error('health: ' + health);
console.log('served ' + health + ' on ' + process.version);
`;

const bin = (project: string, name: string) => join(project, 'node_modules/.bin', name);

async function run(cwd: string, env: NodeJS.ProcessEnv, command: string, args: string[]): Promise<string> {
  const result = await exec(command, args, { cwd, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} (exit ${result.code}):\n${result.output}`);
  return result.output;
}
