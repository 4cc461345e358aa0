// Stoplight Prism as a child process: `prism mock <spec>` or `prism proxy --errors <spec> <upstream>`,
// on a free loopback port, ready once it logs that it listens. Its output is kept for failures.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { freePort } from './ports.js';
import { stopChild } from '../../../scripts/support/stop-child.ts';

const prismBin = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');

export interface PrismProcess {
  url: string;
  /** Everything Prism printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export type PrismMode = { kind: 'mock' } | { kind: 'proxy'; upstream: string };

export async function startPrism(spec: string, mode: PrismMode, readyTimeoutMs = 90_000): Promise<PrismProcess> {
  const port = await freePort();
  const args =
    mode.kind === 'mock'
      ? [prismBin, 'mock', '--host', '127.0.0.1', '--port', String(port), spec]
      : [prismBin, 'proxy', '--errors', '--host', '127.0.0.1', '--port', String(port), spec, mode.upstream];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`prism ${mode.kind} ${spec} was not ready after ${readyTimeoutMs} ms:\n${output}`)), readyTimeoutMs);
    const onData = () => {
      if (output.includes('Prism is listening on')) done();
    };
    const onExit = (code: number | null) => fail(new Error(`prism ${mode.kind} ${spec} exited (${code}) before listening:\n${output}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
    };
    const done = () => {
      cleanup();
      resolve();
    };
    const fail = (error: Error) => {
      cleanup();
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });

  return { url: `http://127.0.0.1:${port}`, output: () => output, stop: () => stopChild(child) };
}
