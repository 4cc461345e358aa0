// The README's Playwright recipe (test/recipes/playwright/), run as users would run it: Playwright
// Test against the built packages, a session per test, API tests and a page in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

it('passes: a session per test, API and page tests in parallel', () => {
  // The recipe imports the packages as users do (their dist/): bring it up to date first.
  const build = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b', 'packages/runtime', 'packages/langwatch', 'packages/vine', 'packages/mock'], { cwd: root, encoding: 'utf8' });
  expect(build.status, build.stdout + build.stderr).toBe(0);

  const result = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '-c', 'test/recipes/playwright/playwright.config.ts', '--reporter=json'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 150_000,
  });
  expect(result.status, result.stderr || result.stdout.slice(0, 2_000)).toBe(0);
  const { stats } = JSON.parse(result.stdout) as { stats: { expected: number; skipped: number; unexpected: number } };
  const pageRan = existsSync(chromium) || process.env.REVOKIT_REQUIRE_CHROMIUM === '1';
  expect(stats).toMatchObject({ expected: pageRan ? 4 : 3, skipped: pageRan ? 0 : 1, unexpected: 0 });
}, 200_000);
