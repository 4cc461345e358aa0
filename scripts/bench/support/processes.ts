// Child processes for the bench: servers started on free loopback ports, one-off requests to
// them, and a registry so that every child is stopped however the run ends.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { stopChild } from '../../support/stop-child.ts';

const children = new Set<ChildProcess>();

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Spawns `node args…` (stdio ignored unless asked), tracked until it exits. */
export function startNode(args: string[], options: SpawnOptions = {}): ChildProcess {
  return track(spawn(process.execPath, args, { stdio: 'ignore', ...options }));
}

export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function stopAll(): Promise<void> {
  return Promise.all([...children].map((child) => stopChild(child))).then(() => undefined);
}

export interface Answer {
  status: number;
  body: string;
}

/** One request on a fresh connection; rejects when nothing answers. */
export function send(method: string, url: string, options: { body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers = { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers };
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Like send(), but a status other than `expected` is an error naming the body. */
export async function sendExpecting(expected: number, method: string, url: string, options: Parameters<typeof send>[2] = {}): Promise<string> {
  const answer = await send(method, url, options);
  if (answer.status !== expected) throw new Error(`${method} ${url}: expected ${expected}, got ${answer.status}: ${answer.body.slice(0, 200)}`);
  return answer.body;
}

/** Polls until an answer `accept`s; resolves with the ms since `since` (a performance.now()). */
export async function firstAnswer(method: string, url: string, accept: (status: number) => boolean, since: number, timeoutMs = 60_000): Promise<number> {
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

/** Runs `node args…` to completion; resolves with its wall time in ms, rejects on a non-zero exit. */
export async function timeNode(args: string[], options: SpawnOptions = {}): Promise<number> {
  const since = performance.now();
  await output(process.execPath, args, options);
  return performance.now() - since;
}

/** Runs `command args…` to completion; resolves with its stdout, rejects on a non-zero exit. */
export function output(command: string, args: string[], options: SpawnOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = track(spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] }));
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}: ${(err.trim() || out.trim()).slice(-800)}`));
    });
  });
}
