// `revokit-mock` as a user starts it, in an installed project: `npx revokit-mock --help`, then a
// server on a free port, read from its banner, asked for its health and stopped with SIGTERM
// (a Node 20 background process ignores SIGINT).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { exec } from '../support/exec.ts';

export async function checkCli(project: string, env: NodeJS.ProcessEnv): Promise<string> {
  // --no-install: never fall back to the registry when the bin is not linked.
  const help = await exec('npx', ['--no-install', 'revokit-mock', '--help'], { cwd: project, env, timeoutMs: 60_000 });
  if (help.code !== 0 || !help.output.includes('--port')) throw new Error(`npx revokit-mock --help (exit ${help.code}):\n${help.output}`);

  // npm exec does not pass SIGTERM on to the command it runs (the server would outlive it), so
  // the signal goes to the whole process group, as a terminal or a supervisor sends it.
  const viaNpx = await serveAndStop(['npx', '--no-install', 'revokit-mock', '--port', '0'], project, env, 'group');
  if (viaNpx.running) throw new Error(`npx revokit-mock: still running 15 s after SIGTERM:\n${viaNpx.output}`);
  // The exit status, from the linked bin itself (npx reports only its own death by the signal).
  const direct = await serveAndStop([join(project, 'node_modules/.bin/revokit-mock'), '--port', '0'], project, env, 'process');
  if (direct.exit !== 0) throw new Error(`revokit-mock: exit ${direct.exit} after SIGTERM:\n${direct.output}`);
  return `banner ${viaNpx.url}, health ok, stopped by SIGTERM (exit 0)`;
}

interface Stopped {
  url: string;
  output: string;
  exit: number | string | undefined;
  running: boolean;
}

async function serveAndStop([command, ...args]: string[], cwd: string, env: NodeJS.ProcessEnv, target: 'group' | 'process'): Promise<Stopped> {
  // Its own process group, so a failure can still reach every process npx started.
  const child = spawn(command!, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const group = -child.pid!;
  try {
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(output)?.[1], 30_000, () => `${command}: no banner within 30 s:\n${output}`);
    const health = await fetch(`${url}/__mock/health`).then((response) => response.text());
    if (health !== '{"ok":true}') throw new Error(`GET ${url}/__mock/health answered ${health}`);
    process.kill(target === 'group' ? group : child.pid!, 'SIGTERM');
    const gone = await waitFor(() => (groupAlive(group) ? undefined : true), 15_000, () => '').catch(() => false);
    const exit = await Promise.race([exited, new Promise<undefined>((resolve) => setTimeout(resolve, 1_000))]);
    return { url, output, exit, running: !gone };
  } finally {
    if (groupAlive(group)) process.kill(group, 'SIGKILL');
  }
}

function groupAlive(group: number): boolean {
  try {
    process.kill(group, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(read: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(describe());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
