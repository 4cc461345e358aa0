// The bundled CLI (packages/mock/dist/cli.js), rebuilt first from the current sources with the
// package's own scripts (the dashboard's assets, then the bundle), so the test runs exactly what
// `npx revokit-mock` runs. Started on a free port; its JSON banner says where it listens.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stopChild } from '../../../scripts/support/stop-child.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = `${root}packages/mock/dist/cli.js`;

export interface Banner {
  url: string;
  dashboard_url: string;
  control_token?: string;
  project: { id: string; api_key: string; provider_credential_id: string };
  demo: {
    virtual_key: { id: string; secret: string };
    admin_api_key: { id: string; token: string };
    member_api_key: { id: string; token: string };
    vine_key: { id: string; plaintext: string };
  };
}

export interface RunningCli {
  banner: Banner;
  stop(): Promise<void>;
}

export function rebuildCli(): void {
  for (const script of ['build:ui', 'bundle:cli']) {
    const run = spawnSync('npm', ['run', '--silent', script, '-w', '@revokit/mock'], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`npm run ${script} failed:\n${run.stdout}${run.stderr}`);
  }
}

export function startCli(args: string[]): Promise<RunningCli> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--log', 'json', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 15 s:\n${out}\n${err}`)), 15_000);
    child.once('exit', (code) => reject(new Error(`the CLI exited (${code}) before listening:\n${out}\n${err}`)));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((text) => text.includes('"event":"listening"'));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve({ banner: JSON.parse(line) as Banner, stop: () => stopChild(child) });
    });
  });
}
