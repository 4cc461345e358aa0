// The two processes a verify test needs: a `revokit-mock` as the target (from the sources,
// through tsx), and `revokit-mock verify` itself, both real child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli, type CliProcess } from '../../server/support/cli-process.js';
import { send } from '../../server/support/server.js';

const CLI = fileURLToPath(new URL('../../../packages/mock/src/cli.ts', import.meta.url));

export interface Target {
  url: string;
  /** The environment verify reads its credentials from, filled with this server's demo ones. */
  env: Record<string, string>;
  /** Every secret the server holds, to prove none is printed. */
  secrets(): Promise<string[]>;
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  cli: CliProcess;
  stop(): Promise<void>;
}

export async function startTarget(flags: string[] = []): Promise<Target> {
  const cli = runCli(['--port', '0', '--log', 'json', '--propagation', '1s', ...flags]);
  const banner = JSON.parse(await cli.waitForLine((line) => line.startsWith('{"event":"listening"'))) as {
    url: string;
    project: { api_key: string; provider_credential_id: string };
    demo: { admin_api_key: { token: string } };
  };
  const control = async (method: string, path: string, body?: unknown) => {
    const reply = await send(banner.url, method, path, body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: reply.status, body: reply.body };
  };
  return {
    url: banner.url,
    env: {
      LANGWATCH_API_KEY: banner.project.api_key,
      LANGWATCH_PROVIDER_CREDENTIAL_ID: banner.project.provider_credential_id,
      LANGWATCH_ADMIN_API_KEY: banner.demo.admin_api_key.token,
    },
    async secrets() {
      const [vks, aks, vine, projects] = await Promise.all(['/__mock/langwatch/virtual-keys', '/__mock/langwatch/api-keys', '/__mock/vine/keys', '/__mock/langwatch/projects'].map((path) => control('GET', path)));
      return [
        ...vks!.body.virtual_keys.flatMap((key: any) => [key.secret, key.previous_secret?.secret].filter(Boolean)),
        ...aks!.body.api_keys.map((key: any) => key.token),
        ...vine!.body.keys.map((key: any) => key.plaintext),
        ...projects!.body.projects.map((project: any) => project.api_key),
      ];
    },
    control,
    cli,
    async stop() {
      cli.child.kill('SIGKILL'); // a delayed request may be held: no graceful wait
      await cli.exited;
    },
  };
}

export interface VerifyRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | string>;
}

/** `revokit-mock verify …` with exactly `env` (plus PATH and HOME): no credential leaks in from the test's own environment. */
export function startVerify(args: string[], env: Record<string, string> = {}): VerifyRun {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'verify', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | string>((resolve) => child.once('close', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

export async function verify(args: string[], env: Record<string, string> = {}): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const run = startVerify(args, env);
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** Waits until `check` holds, polling. */
export async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
