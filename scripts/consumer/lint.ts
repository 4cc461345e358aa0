// publint --strict and arethetypeswrong (ESM-only profile: CommonJS consumers are out of scope)
// on a packed tarball, with the workspace's own copies of both tools.
import { join } from 'node:path';
import { exec } from '../support/exec.ts';

export async function publint(root: string, tarball: string): Promise<void> {
  const result = await exec(join(root, 'node_modules/.bin/publint'), ['--strict', tarball], { cwd: root });
  if (result.code !== 0 || !/All good!/.test(result.output)) throw new Error(result.output.trim());
}

export async function arethetypeswrong(root: string, tarball: string): Promise<void> {
  const result = await exec(join(root, 'node_modules/.bin/attw'), ['--profile', 'esm-only', '--format', 'ascii', tarball], { cwd: root });
  if (result.code !== 0) throw new Error(result.output.trim());
}
