// What a consumer does with the installed tarballs, on whichever Node `env`'s PATH puts first.
// Type checks do not depend on the Node that runs tsc, so the compat matrix runs them once per
// toolchain and module format; the run-time checks run on every Node.
import { join } from 'node:path';
import { exec } from '../support/exec.ts';
import { step, type StepResult } from '../support/steps.ts';
import { checkCli } from './cli-check.ts';
import type { ModuleFormat } from './project.ts';

export interface ConsumerProjects {
  /** With msw, vitest and the README suites. */
  consumer: string;
  /** Its package.json "type". */
  format: ModuleFormat;
  /** With the tarballs and no msw (an ES-module project). */
  serverOnly: string;
}

/**
 * Declarations (ours, msw's, vitest's) are checked in full once, under nodenext; under bundler
 * only the consumer's own files are (skipLibCheck): a full second pass would double the slowest
 * step, and attw already checks every entry's declarations under bundler resolution. Both with
 * exactOptionalPropertyTypes, as strict projects have it. The project without msw is checked
 * with the ES-module project only (it is the same files either way).
 */
export async function typeChecks({ consumer, format, serverOnly }: ConsumerProjects, env: NodeJS.ProcessEnv): Promise<StepResult[]> {
  const results = [
    await step('tsc --strict, moduleResolution bundler (skipLibCheck)', () => run(consumer, env, bin(consumer, 'tsc'), ['-p', 'tsconfig.bundler.json'])),
    await step('tsc --strict, moduleResolution nodenext, declarations too', () => run(consumer, env, bin(consumer, 'tsc'), ['-p', 'tsconfig.nodenext.json'])),
  ];
  if (format === 'module') {
    // node16 differs from nodenext only for CommonJS files (no require() of ES modules), so an
    // ES-module project gets it too, with skipLibCheck.
    results.push(await step('tsc --strict, moduleResolution node16 (skipLibCheck)', () => run(consumer, env, bin(consumer, 'tsc'), ['-p', 'tsconfig.node16.json'])));
    results.push(await step('tsc --strict: @revokit/mock/server without msw', () => run(serverOnly, env, bin(serverOnly, 'tsc'), ['-p', 'tsconfig.server-only.json'])));
  }
  return results;
}

export async function runtimeChecks({ consumer, format, serverOnly }: ConsumerProjects, env: NodeJS.ProcessEnv): Promise<StepResult[]> {
  const results = [
    await step('vitest: README suite, frozen-clock example, unhandled-request guard', async () => {
      const output = await run(consumer, env, bin(consumer, 'vitest'), ['run']);
      const files = /Test Files\s+(\d+) passed/.exec(output)?.[1];
      if (files !== '3') throw new Error(`expected 3 test files to pass:\n${output}`);
      return /Tests\s+\d+ passed/.exec(output)?.[0];
    }),
  ];
  if (format === 'commonjs') {
    // Plain Node, no vitest: require() of every entry, as a CommonJS program (Node >= 20.19 loads ES modules so).
    results.push(await step('require() every entry from CommonJS', () => run(consumer, env, 'node', ['-e', REQUIRE_ALL]).then((output) => output.trim())));
    return results;
  }
  results.push(
    await step('import @revokit/mock/server without msw', () => run(serverOnly, env, 'node', ['--input-type=module', '-e', SERVE_ONCE]).then((output) => output.trim())),
    await step('npx revokit-mock', () => checkCli(serverOnly, env)),
  );
  return results;
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

const REQUIRE_ALL = `
const { createLangWatchClient } = require('@revokit/langwatch');
const { createVineClient } = require('@revokit/vine');
const { createLangWatchMock, onUnhandled } = require('@revokit/mock');
const { createMockServer } = require('@revokit/mock/server');
const mock = createLangWatchMock();
if (typeof createLangWatchClient !== 'function' || typeof createVineClient !== 'function' || typeof createMockServer !== 'function') throw new Error('missing exports');
if (mock.handlers.length === 0 || onUnhandled().onUnhandledFrame !== 'error') throw new Error('mock');
console.log('required 4 entries on ' + process.version);
`;

const bin = (project: string, name: string) => join(project, 'node_modules/.bin', name);

async function run(cwd: string, env: NodeJS.ProcessEnv, command: string, args: string[]): Promise<string> {
  const result = await exec(command, args, { cwd, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} (exit ${result.code}):\n${result.output}`);
  return result.output;
}
