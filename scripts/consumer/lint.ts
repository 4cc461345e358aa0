// publint --strict and arethetypeswrong (ESM-only profile: CommonJS consumers are out of scope)
// on a packed tarball, with the workspace's own copies of both tools.
import { join } from 'node:path';
import { exec } from '../support/exec.ts';

export async function publint(root: string, tarball: string): Promise<void> {
  const result = await exec(join(root, 'node_modules/.bin/publint'), ['--strict', tarball], { cwd: root });
  if (result.code !== 0 || !/All good!/.test(result.output)) throw new Error(result.output.trim());
}

/**
 * `false-cjs` is expected of @revokit/mock alone: its "require" condition gives CommonJS projects
 * declarations of their own (dist/index.d.cts, naming msw's CommonJS handler type) for the same
 * ES module, which Node >= 20.19 loads with require() as its namespace, as those types say. attw
 * predates require(esm) and calls that masquerading.
 */
const IGNORED_RULES: Record<string, string[]> = { '@revokit/mock': ['false-cjs'] };

export async function arethetypeswrong(root: string, tarball: string, name: string): Promise<void> {
  const ignored = IGNORED_RULES[name] ?? [];
  const args = [tarball, '--profile', 'esm-only', '--format', 'ascii', ...(ignored.length > 0 ? ['--ignore-rules', ...ignored] : [])];
  const result = await exec(join(root, 'node_modules/.bin/attw'), args, { cwd: root });
  if (result.code !== 0) throw new Error(result.output.trim());
}
