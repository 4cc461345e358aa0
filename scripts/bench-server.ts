// npm run bench:server: the standalone mock server against `prism mock specs/vine.yaml` and a
// bare node:http server, in one run. Throughput: autocannon (its own process) with 20
// keep-alive connections POSTing the Vine revoke of a seeded key. Cold start: spawn to the
// first answer (ours: a 200 from /__mock/health; Prism: any response), median of a few runs.
// Loopback only, bounded durations. Exits 1 when a target is missed.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { stopChild } from './support/stop-child.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const CLI = `${root}packages/mock/dist/cli.js`;
const PRISM = require.resolve('@stoplight/prism-cli/dist/index.js');
const AUTOCANNON = require.resolve('autocannon/autocannon.js');
const VINE_SPEC = `${root}specs/vine.yaml`;
const BARE = `${root}scripts/bench-bare-server.mjs`;

const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const WARMUP_SECONDS = 1;
/** The three servers take turns this many times. */
const ROUNDS = 3;
const COLD_RUNS_OURS = 7;
const COLD_RUNS_PRISM = 5;
const TARGETS = { vsPrism: 15, vsBare: 0.6, coldVsPrism: 0.1 };

const children = new Set<ChildProcess>();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function start(args: string[]): ChildProcess {
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** One request; resolves with the status and body, rejects when nothing answers. */
function send(method: string, url: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Polls until `accept` likes an answer; returns the ms since `since`. */
async function firstAnswer(method: string, url: string, accept: (status: number) => boolean, since: number, timeoutMs = 60_000): Promise<number> {
  for (;;) {
    try {
      const { status } = await send(method, url);
      if (accept(status)) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

interface Load {
  rps: number;
  p99Ms: number;
}

function autocannon(url: string, seconds: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    const args = [AUTOCANNON, '-c', String(CONNECTIONS), '-d', String(seconds), '-m', 'POST', '--json', url];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    children.add(child);
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.once('exit', (code) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const result = JSON.parse(out) as { requests: { average: number }; latency: { p99: number }; non2xx: number; errors: number; timeouts: number };
      if (result.non2xx || result.errors || result.timeouts) {
        return reject(new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`));
      }
      resolve({ rps: result.requests.average, p99Ms: result.latency.p99 });
    });
  });
}

/** Warms each up, then takes turns ROUNDS times, so that a busy neighbour slows all alike; the mean of each. */
async function measureInTurns(urls: string[]): Promise<Load[]> {
  for (const url of urls) await autocannon(url, WARMUP_SECONDS);
  const runs: Load[][] = urls.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, url] of urls.entries()) runs[i]!.push(await autocannon(url, SECONDS));
  }
  return runs.map((loads) => ({
    rps: loads.reduce((sum, load) => sum + load.rps, 0) / loads.length,
    p99Ms: Math.max(...loads.map((load) => load.p99Ms)),
  }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function ourServer(): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = start([CLI, '--port', String(port), '--log', 'silent', '--no-demo']);
  const base = `http://127.0.0.1:${port}`;
  await firstAnswer('GET', `${base}/__mock/health`, (s) => s === 200, performance.now());
  return { child, base };
}

/** ms from just before spawn() to the first answer `probe` accepts. */
async function coldStart(args: (port: number) => string[], probe: (base: string, since: number) => Promise<number>): Promise<number> {
  const port = await freePort();
  const since = performance.now();
  const child = start(args(port));
  const ms = await probe(`http://127.0.0.1:${port}`, since);
  await stopChild(child);
  return ms;
}

/** Cold starts of ours and Prism's, interleaved so that both see the same machine. */
async function coldStarts(): Promise<{ ours: number; prism: number }> {
  const ours: number[] = [];
  const prism: number[] = [];
  for (let i = 0; i < Math.max(COLD_RUNS_OURS, COLD_RUNS_PRISM); i++) {
    // With the demo, as `npm start` runs it.
    if (i < COLD_RUNS_OURS) {
      ours.push(await coldStart((port) => [CLI, '--port', String(port), '--log', 'silent'], (base, since) => firstAnswer('GET', `${base}/__mock/health`, (s) => s === 200, since)));
    }
    if (i < COLD_RUNS_PRISM) {
      prism.push(await coldStart((port) => [PRISM, 'mock', '--host', '127.0.0.1', '--port', String(port), VINE_SPEC], (base, since) => firstAnswer('POST', `${base}/api/v1/keys/key_x/revoke`, () => true, since)));
    }
  }
  return { ours: median(ours), prism: median(prism) };
}

async function main() {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  console.log(
    `bench:server  POST Vine revoke, ${CONNECTIONS} keep-alive connections, ${WARMUP_SECONDS} s warm-up, ` +
      `then ${ROUNDS} turns of ${SECONDS} s each for revokit-mock, prism mock and bare node:http\n`,
  );

  // (a) ours, on a key seeded through the control plane; (b) prism mock specs/vine.yaml;
  // (c) bare node:http answering with the very body ours sends. All three run at once (idle
  // when not under load) and take turns.
  const ours = await ourServer();
  const seeded = JSON.parse((await send('POST', `${ours.base}/__mock/vine/keys`, '{"name":"bench"}')).body) as { key: { id: string } };
  const path = `/api/v1/keys/${seeded.key.id}/revoke`;
  const sameBody = (await send('POST', `${ours.base}${path}`)).body;
  const [prismPort, barePort] = [await freePort(), await freePort()];
  const prism = start([PRISM, 'mock', '--host', '127.0.0.1', '--port', String(prismPort), VINE_SPEC]);
  const bare = start([BARE, String(barePort), sameBody]);
  const urls = [ours.base, `http://127.0.0.1:${prismPort}`, `http://127.0.0.1:${barePort}`].map((base) => `${base}${path}`);
  await Promise.all(urls.map((url) => firstAnswer('POST', url, (s) => s === 200, performance.now())));
  const [oursLoad, prismLoad, bareLoad] = (await measureInTurns(urls)) as [Load, Load, Load];
  await Promise.all([stopChild(ours.child), stopChild(prism), stopChild(bare)]);

  const cold = await coldStarts();
  report(oursLoad, prismLoad, bareLoad, cold.ours, cold.prism);
}

function report(ours: Load, prism: Load, bare: Load, coldOurs: number, coldPrism: number) {
  const rps = (load: Load) => `${Math.round(load.rps).toLocaleString('en-US').padStart(7)} req/s  (p99 ${load.p99Ms} ms)`;
  const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
  const vsPrism = ours.rps / prism.rps;
  const vsBare = ours.rps / bare.rps;
  const coldRatio = coldOurs / coldPrism;
  console.log('Throughput');
  console.log(`  revokit-mock         ${rps(ours)}`);
  console.log(`  prism mock           ${rps(prism)}`);
  console.log(`  bare node:http       ${rps(bare)}`);
  console.log(`Cold start (median)`);
  console.log(`  revokit-mock         ${coldOurs.toFixed(0).padStart(7)} ms   (${COLD_RUNS_OURS} runs, spawn → first 200 from /__mock/health)`);
  console.log(`  prism mock           ${coldPrism.toFixed(0).padStart(7)} ms   (${COLD_RUNS_PRISM} runs, spawn → first response)`);
  console.log('Ratios');
  console.log(`  vs prism mock        ${vsPrism.toFixed(1).padStart(6)}x   target >= ${TARGETS.vsPrism}x   ${verdict(vsPrism >= TARGETS.vsPrism)}`);
  console.log(`  vs bare node:http    ${vsBare.toFixed(2).padStart(6)}x   target >= ${TARGETS.vsBare}x   ${verdict(vsBare >= TARGETS.vsBare)}`);
  console.log(`  cold start vs prism  ${coldRatio.toFixed(3).padStart(6)}x   target <= ${TARGETS.coldVsPrism}x   ${verdict(coldRatio <= TARGETS.coldVsPrism)}`);
  if (vsPrism < TARGETS.vsPrism || vsBare < TARGETS.vsBare || coldRatio > TARGETS.coldVsPrism) process.exitCode = 1;
}

const cleanup = () => Promise.all([...children].map((child) => stopChild(child)));
main()
  .catch((error: unknown) => {
    console.error(`bench:server failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
