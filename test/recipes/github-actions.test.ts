// The GitHub Actions recipe (docs/recipes/github-actions.md): its "Start" and "Wait" steps, run
// as written by bash with the runner's variables pointing at scratch files, start a server that
// answers at the URL the workflow exports. The workflow itself is read from the page.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const page = readFileSync(join(root, 'docs/recipes/github-actions.md'), 'utf8');
const workflow = parse(/```yaml\n([\s\S]*?)```/.exec(page)![1]!) as {
  jobs: { test: { env: Record<string, string | number>; steps: Array<{ name?: string; run?: string; uses?: string }> } };
};
const scratch = mkdtempSync(join(tmpdir(), 'revokit-gha-'));
const groups: number[] = [];
afterAll(() => {
  for (const group of groups) {
    try {
      process.kill(-group, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  rmSync(scratch, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

function bash(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  // Its own process group, as a runner's step is: the server it leaves running is stopped after the test.
  const child = spawn('bash', ['-e', '-c', script], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  groups.push(child.pid!);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

it('starts the server in the background, waits for its health, and exports REVOKIT_MOCK_URL', async () => {
  const { env, steps } = workflow.jobs.test;
  const step = (name: string) => steps.find((candidate) => candidate.name === name)?.run;
  const start = step('Start revokit-mock');
  const wait = step('Wait for revokit-mock');
  expect(start && wait && env.REVOKIT_MOCK_PORT).toBeTruthy();
  expect(steps.some((candidate) => candidate.run?.startsWith('npm test'))).toBe(true);

  const port = String(await freePort());
  const runner = { ...process.env, REVOKIT_MOCK_PORT: port, RUNNER_TEMP: scratch, GITHUB_ENV: join(scratch, 'github-env') };
  expect(await bash(start!, runner)).toMatchObject({ code: 0 });
  const waited = await bash(wait!, runner);
  expect(waited.code, waited.output).toBe(0);
  expect(waited.output.endsWith('{"ok":true}')).toBe(true); // after curl's retries while it starts

  const exported = readFileSync(join(scratch, 'github-env'), 'utf8');
  expect(exported).toBe(`REVOKIT_MOCK_URL=http://127.0.0.1:${port}\n`);
  const url = exported.trim().split('=')[1]!;
  const required = await fetch(`${url}/__mock/clock`);
  expect(required.status).toBe(400); // --require-session: a request without a session is refused
  expect((await fetch(`${url}/__session/ci-1/__mock/credentials`)).status).toBe(200);
}, 60_000);
