// The Python (pytest + httpx) and Go recipes of docs/recipes/, each run from its own folder as a
// user runs it: once starting revokit-mock itself (npx, as the recipe does), once against a shared
// server given by REVOKIT_MOCK_URL. They run where the toolchain exists (Debian's python3-pytest,
// python3-httpx, golang-go); REVOKIT_REQUIRE_RECIPES=1 (CI) makes a missing one a failure.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type StartedMockServer } from '@revokit/mock/server';
import { exec } from '../../scripts/support/exec.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const recipes = join(root, 'docs/recipes');
const required = process.env.REVOKIT_REQUIRE_RECIPES === '1';
const seed: unknown = JSON.parse(readFileSync(join(recipes, 'seed.json'), 'utf8'));

/** The first interpreter that has pytest and httpx: `python3` on PATH may be another (pyenv) than Debian's. */
function findPython(): string | undefined {
  const candidates = [process.env.REVOKIT_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => Boolean(c));
  return candidates.find((python) => spawnSync(python, ['-c', 'import pytest, httpx'], { encoding: 'utf8' }).status === 0);
}

function findGo(): string | undefined {
  return ['go', '/usr/lib/go/bin/go'].find((go) => spawnSync(go, ['version'], { encoding: 'utf8' }).status === 0);
}

const toolchains = { python: findPython(), go: findGo() };
const missing = (name: string, install: string) => `${name} not found: install ${install} (Debian), or unset REVOKIT_REQUIRE_RECIPES`;

/** Asynchronously: the shared server lives in this process, so its event loop must keep turning. */
async function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = await exec(command, args, { cwd, timeoutMs: 180_000, env: { ...process.env, ...env, PYTHONDONTWRITEBYTECODE: '1', NO_COLOR: '1' } });
  return { status: result.code, output: result.output };
}

describe.each([
  ['Python (pytest + httpx)', 'python', 'python3-pytest python3-httpx'],
  ['Go', 'go', 'golang-go'],
] as const)('the %s recipe', (_label, kind, debianPackages) => {
  const tool = toolchains[kind];
  const runRecipe = (env: Record<string, string> = {}) =>
    kind === 'python'
      ? run(tool!, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], join(recipes, 'python'), env)
      : run(tool!, ['test', '-count=1', '-v', './...'], join(recipes, 'go'), env);
  const expectPassed = ({ status, output }: { status: number | null; output: string }) => {
    expect(status, output).toBe(0);
    if (kind === 'python') expect(output).toMatch(/\b4 passed\b/);
    else expect(output.match(/^--- PASS: /gm)?.length, output).toBe(3);
  };

  it.runIf(tool || required)('passes, starting revokit-mock itself', async () => {
    if (!tool) throw new Error(missing(kind, debianPackages));
    expectPassed(await runRecipe());
  }, 200_000);

  describe.runIf(tool || required)('against a shared server (REVOKIT_MOCK_URL)', () => {
    let shared: StartedMockServer;
    beforeAll(async () => {
      // Configured as the recipe's own server is: sessions required, and for Go, the seed file.
      shared = await startMockServer({ port: 0, requireSession: true, ...(kind === 'go' ? { seed, demo: false } : {}) });
    });
    afterAll(() => shared?.stop());

    it('passes, and ends every session it took', async () => {
      if (!tool) throw new Error(missing(kind, debianPackages));
      expectPassed(await runRecipe({ REVOKIT_MOCK_URL: shared.url }));
      expect(shared.mock.sessions.list()).toEqual([]);
    }, 200_000);
  });
});
