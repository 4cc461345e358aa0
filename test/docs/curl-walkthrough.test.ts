// The curl examples of README.md and docs/server.md, run as written against the real CLI,
// with the variables its banner tells the reader to export.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliProcess } from '../server/support/cli-process.js';
import { exportedVariables, walkthroughSteps } from './support/walkthrough.js';

const run = promisify(execFile);
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const started: CliProcess[] = [];
afterAll(() => started.forEach((cli) => cli.child.kill('SIGTERM')));

async function startServer(): Promise<Record<string, string>> {
  const cli = runCli(['--port', '0']);
  started.push(cli);
  return exportedVariables(await cli.waitForLine((line) => line.trim().startsWith('export MOCK=')));
}

describe.each(['../../README.md', '../../docs/server.md'])('%s', (file) => {
  const steps = walkthroughSteps(read(file));

  it('has a curl walkthrough', () => {
    expect(steps.length).toBeGreaterThan(3);
  });

  it('prints what it says, step by step', async () => {
    const env = { ...process.env, ...(await startServer()) };
    for (const step of steps) {
      const { stdout } = await run('bash', ['-c', step.command], { env });
      if (step.expected) expect.soft(stdout.trim(), step.command).toMatch(step.expected);
    }
  }, 60_000);
});
