// Node binaries for the compat matrix, from the npm registry's `node` package (a real binary,
// node_modules/node/bin/node), kept in a cache outside the repository between runs.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { exec } from '../support/exec.ts';

export const COMPAT_CACHE = process.env.REVOKIT_COMPAT_CACHE ?? join(homedir(), '.cache', 'revokit-compat');

export interface NodeRuntime {
  version: string;
  /** Goes first on PATH, so `node`, `npx` and every #!/usr/bin/env node script run this Node. */
  binDir: string;
}

/** `spec` is a version ("22.23.3") or a major ("20", for which this machine's Node does if it is one). */
export async function nodeRuntime(spec: string): Promise<NodeRuntime> {
  const major = Number(spec.split('.')[0]);
  if (process.versions.node === spec || (!spec.includes('.') && Number(process.versions.node.split('.')[0]) === major)) {
    return { version: process.version, binDir: dirname(process.execPath) };
  }
  const dir = join(COMPAT_CACHE, `node-${spec}`);
  const binary = join(dir, 'node_modules/node/bin/node');
  if (!existsSync(binary)) {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'package.json'), '{ "private": true }\n');
    const install = await exec('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `node@${spec}`], { cwd: dir });
    if (install.code !== 0 || !existsSync(binary)) throw new Error(`npm install node@${spec} failed:\n${install.output}`);
  }
  const version = await exec(binary, ['--version'], { cwd: dir });
  const actual = version.output.trim();
  if (spec.includes('.') ? actual !== `v${spec}` : !actual.startsWith(`v${major}.`)) throw new Error(`${binary} is ${actual}, not Node ${spec}`);
  return { version: actual, binDir: dirname(binary) };
}

export function envFor(runtime: NodeRuntime): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${runtime.binDir}:${process.env.PATH ?? ''}` };
}
