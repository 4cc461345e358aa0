// Eight test workers (separate processes, plain fetch) run the whole scenario at once against one
// server, each in its own session: rotate and the grace boundary, revoke and the propagation
// boundary, admin revoke, Vine revoke, faults, journal, resets and clock jumps. Any cross-talk
// (another worker's clock jump, fault, reset or key) breaks an exact expectation in some worker.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMockServer } from '@revokit/mock/server';

const scenario = fileURLToPath(new URL('./support/worker-scenario.mjs', import.meta.url));
const server = createMockServer({ clock: 'frozen', graceMs: 10_000, propagationMs: 5_000, requireSession: true });
let url = '';
beforeAll(async () => {
  url = await server.listen({ port: 0 });
});
afterAll(() => server.close());

/** Starts a worker process; all workers of one call to `together` begin their scenario at the same instant. */
function runWorker(id: string, startAt: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [scenario, url, id, '3', String(startAt)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

const together = (ids: string[]) => {
  const startAt = Date.now() + 2_000; // after every process has started
  return Promise.all(ids.map((id) => runWorker(id, startAt)));
};

it('8 workers, one server, no cross-talk', async () => {
  const ids = Array.from({ length: 8 }, (_, i) => `worker-${i + 1}`);
  const results = await together(ids);
  expect(results.map((r) => r.output.trim())).toEqual(ids.map((id) => `ok ${id}`));
  expect(server.sessions.list().map((s) => s.id).sort()).toEqual([...ids].sort());
}, 60_000);

it('workers sharing one session do collide, so the check can see cross-talk', async () => {
  const results = await together(['shared', 'shared', 'shared', 'shared']);
  expect(results.filter((r) => r.code !== 0).length).toBeGreaterThan(0);
}, 60_000);
