// The files of a .tgz as text, keyed by their path inside the package (system tar does the work).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { exec } from '../support/exec.ts';

export async function unpackTarball(tarball: string): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'revokit-unpack-'));
  try {
    const untar = await exec('tar', ['-xzf', tarball, '-C', dir], { cwd: dir });
    if (untar.code !== 0) throw new Error(`tar failed on ${tarball}:\n${untar.output}`);
    const root = join(dir, 'package');
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const files: Record<string, string> = {};
    for (const entry of entries.filter((candidate) => candidate.isFile())) {
      const path = join(entry.parentPath ?? entry.path, entry.name);
      files[relative(root, path)] = await readFile(path, 'utf8');
    }
    return files;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
