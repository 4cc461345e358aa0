// A scratch npm project outside the workspace with the packed tarballs installed from their
// absolute paths (`npm install x.tgz` without a path would be a GitHub shorthand), plus the
// tools a consumer brings. The lockfile must show every @revokit package coming from a tarball.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { exec } from '../support/exec.ts';

/** package.json's "type": npm 11's `npm init -y` writes "commonjs". */
export type ModuleFormat = 'module' | 'commonjs';

export interface ProjectSpec {
  dir: string;
  format: ModuleFormat;
  tarballs: readonly string[];
  /** npm specs besides the tarballs, e.g. "msw@2.15.0". */
  devDependencies: readonly string[];
  /** Files to write into it: name → text. */
  files?: Record<string, string>;
}

export async function createProject({ dir, format, tarballs, devDependencies, files = {} }: ProjectSpec): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: `consumer-${basename(dir)}`, private: true, type: format }, null, 2)}\n`);
  const install = await exec('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs, ...devDependencies], { cwd: dir });
  if (install.code !== 0) throw new Error(`npm install failed in ${dir}:\n${install.output}`);
  await expectTarballsInstalled(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

async function expectTarballsInstalled(dir: string): Promise<void> {
  const lock = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string; link?: boolean }> };
  const revokit = Object.entries(lock.packages).filter(([path]) => /(^|\/)node_modules\/@revokit\//.test(path));
  const notFromTarball = revokit.filter(([, entry]) => entry.link || !entry.resolved?.startsWith('file:'));
  if (revokit.length === 0 || notFromTarball.length > 0) {
    throw new Error(`@revokit packages not installed from the tarballs: ${JSON.stringify(notFromTarball.length > 0 ? notFromTarball : revokit)}`);
  }
}

/** The version of a package installed in the workspace, so a consumer project pins the same. */
export async function installedVersion(root: string, name: string): Promise<string> {
  const pkg = JSON.parse(await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
