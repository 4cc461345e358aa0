// Builds the workspace and packs its four packages with npm, as `npm publish` would.
import { join } from 'node:path';
import { exec } from '../support/exec.ts';

export const PACKAGES = ['@revokit/runtime', '@revokit/langwatch', '@revokit/vine', '@revokit/mock'] as const;

export interface PackedPackage {
  name: string;
  /** Absolute path of the .tgz. */
  tarball: string;
  files: { path: string; size: number }[];
  /** Bytes, gzipped / unpacked. */
  size: number;
  unpackedSize: number;
}

export async function packWorkspace(root: string, destination: string): Promise<PackedPackage[]> {
  const build = await exec('npm', ['run', 'build'], { cwd: root });
  if (build.code !== 0) throw new Error(`npm run build failed:\n${build.output}`);
  const workspaces = PACKAGES.flatMap((name) => ['-w', name]);
  const pack = await exec('npm', ['pack', ...workspaces, '--pack-destination', destination, '--json', '--silent'], { cwd: root });
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.output}`);
  const reports = JSON.parse(pack.stdout) as Array<Omit<PackedPackage, 'tarball'> & { filename: string }>;
  return reports.map(({ name, filename, files, size, unpackedSize }) => ({
    name,
    tarball: join(destination, filename),
    files: files.map(({ path, size: fileSize }) => ({ path, size: fileSize })),
    size,
    unpackedSize,
  }));
}
