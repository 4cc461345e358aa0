// --seed reads at most 1 MiB, whatever the file claims to be: /dev/zero, a FIFO with an
// endless writer and an oversized regular file all stop the CLI with exit 2 and one line.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SEED_FILE_BYTES, readSeedFile } from '@revokit/mock/cli/seed-file';
import { runCli } from './support/cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'revokit-seed-limits-'));
const TOO_LARGE = /^--seed .+: the file is over 1 MiB \(a seed file is JSON of at most 1 MiB\)$/;

/** Valid seed JSON of exactly `bytes` bytes (padded with spaces, which JSON ignores). */
function seedOfSize(bytes: number): string {
  const json = JSON.stringify({ vine: { keys: [{ name: 'padded' }] } });
  return json + ' '.repeat(bytes - json.length);
}

describe('seed file size', () => {
  it('exactly 1 MiB is read; one byte more is refused', () => {
    const fits = join(dir, 'fits.json');
    writeFileSync(fits, seedOfSize(MAX_SEED_FILE_BYTES));
    expect(readSeedFile(fits)).toEqual({ vine: { keys: [{ name: 'padded' }] } });
    const over = join(dir, 'over.json');
    writeFileSync(over, seedOfSize(MAX_SEED_FILE_BYTES + 1));
    expect(() => readSeedFile(over)).toThrow(TOO_LARGE);
  });

  it('a character device that never ends (/dev/zero) is refused', () => {
    expect(() => readSeedFile('/dev/zero')).toThrow(TOO_LARGE);
  });

  describe('a FIFO', () => {
    const writers: Array<ReturnType<typeof spawn>> = [];
    afterAll(() => writers.forEach((writer) => writer.kill('SIGKILL')));

    it('fed by an endless writer is refused; fed a small seed, it is read', () => {
      const endless = join(dir, 'endless.fifo');
      expect(spawnSync('mkfifo', [endless]).status).toBe(0);
      // Another process writes (this one blocks in the synchronous read).
      writers.push(spawn(process.execPath, ['-e', `const fs=require('fs');const fd=fs.openSync(${JSON.stringify(endless)},'w');const b=Buffer.alloc(65536,32);for(;;){try{fs.writeSync(fd,b)}catch{process.exit(0)}}`], { stdio: 'ignore' }));
      expect(() => readSeedFile(endless)).toThrow(TOO_LARGE);

      const small = join(dir, 'small.fifo');
      expect(spawnSync('mkfifo', [small]).status).toBe(0);
      writers.push(spawn('sh', ['-c', `printf '%s' '{"vine":{"keys":[{"name":"from a pipe"}]}}' > ${small}`], { stdio: 'ignore' }));
      expect(readSeedFile(small)).toEqual({ vine: { keys: [{ name: 'from a pipe' }] } });
    });
  });

  it('the CLI: --seed /dev/zero exits 2 with one line on stderr, promptly', async () => {
    const cli = runCli(['--port', '0', '--seed', '/dev/zero']);
    const deadline = setTimeout(() => cli.child.kill('SIGKILL'), 20_000);
    const code = await cli.exited;
    clearTimeout(deadline);
    expect(code).toBe(2);
    expect(cli.stderr()).toBe('revokit-mock: --seed /dev/zero: the file is over 1 MiB (a seed file is JSON of at most 1 MiB)\n');
  });
});
