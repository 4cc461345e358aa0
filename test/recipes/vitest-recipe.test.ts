// The README's vitest recipe (test/recipes/vitest-sessions/), run as users would run it: its own
// vitest process, a globalSetup starting one server with sessions required, several workers.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

it('passes: every worker in its own session of one server', () => {
  const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/recipes/vitest-sessions/vitest.config.ts', '--reporter', 'json'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
  expect({ files: report.testResults.length, passed: report.numPassedTests, failed: report.numFailedTests }).toEqual({ files: 3, passed: 4, failed: 0 });
}, 150_000);
