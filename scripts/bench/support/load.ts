// Load generation for the throughput parts: wrk when installed (native, one thread, so that
// the server keeps most of a core on a 2-core machine), autocannon otherwise (Node, which
// competes with the server for CPU and so flatters a slow server: read its ratios with care).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { output } from './processes.ts';

export interface LoadRequest {
  url: string;
  method: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  rps: number;
  p99Ms: number;
  /** Answers received in the run. */
  requests: number;
}

export interface LoadGenerator {
  /** e.g. "wrk 4.1.0, 1 thread". */
  name: string;
  run(request: LoadRequest): Promise<LoadResult>;
  dispose(): void;
}

/** wrk when installed, unless BENCH_LOAD=autocannon asks for the fallback. */
export function pickLoadGenerator(): LoadGenerator {
  if (process.env.BENCH_LOAD === 'autocannon') return autocannon();
  // wrk --version prints its banner and exits 1; only a spawn error means it is missing.
  const probe = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (probe.error === undefined) return wrk(/wrk\s+(\S+)/.exec(probe.stdout)?.[1] ?? '');
  return autocannon();
}

function wrk(version: string): LoadGenerator {
  // wrk takes the method only from a Lua script.
  const dir = mkdtempSync(join(tmpdir(), 'revokit-bench-'));
  const scripts = new Map<string, string>();
  const scriptFor = (method: string) => {
    let path = scripts.get(method);
    if (!path) {
      path = join(dir, `${method.toLowerCase()}.lua`);
      writeFileSync(path, `wrk.method = ${JSON.stringify(method)}\n`);
      scripts.set(method, path);
    }
    return path;
  };
  return {
    name: `wrk ${version}, 1 thread`.trim(),
    run(request) {
      const headerArgs = Object.entries(request.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
      const args = ['-t', '1', '-c', String(request.connections), '-d', `${request.seconds}s`, '--latency', '-s', scriptFor(request.method), ...headerArgs, request.url];
      return output('wrk', args).then((out) => parseWrk(request.url, out));
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Reads wrk's text report; a run with socket errors or non-2xx answers measured the wrong thing. */
export function parseWrk(url: string, out: string): LoadResult {
  const rps = Number(/^Requests\/sec:\s+([\d.]+)/m.exec(out)?.[1]);
  const requests = Number(/^\s+(\d+) requests in /m.exec(out)?.[1]);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)\b/m.exec(out);
  if (!Number.isFinite(rps) || !Number.isFinite(requests) || !p99) throw new Error(`wrk: cannot read its report for ${url}:\n${out}`);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  if (non2xx > 0 || socketErrors > 0) throw new Error(`${url}: ${non2xx} non-2xx answers, ${socketErrors} socket errors under load`);
  const scale = { us: 0.001, ms: 1, s: 1000 }[p99[2] as 'us' | 'ms' | 's'];
  return { rps, requests, p99Ms: Number(p99[1]) * scale };
}

function autocannon(): LoadGenerator {
  const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  return {
    name: 'autocannon',
    async run(request) {
      const headerArgs = Object.entries(request.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
      const args = [bin, '-c', String(request.connections), '-d', String(request.seconds), '-m', request.method, ...headerArgs, '--json', request.url];
      const result = JSON.parse(await output(process.execPath, args)) as {
        requests: { average: number; total: number };
        latency: { p99: number };
        non2xx: number;
        errors: number;
        timeouts: number;
      };
      if (result.non2xx || result.errors || result.timeouts) {
        throw new Error(`${request.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts under load`);
      }
      return { rps: result.requests.average, requests: result.requests.total, p99Ms: result.latency.p99 };
    },
    dispose() {},
  };
}
