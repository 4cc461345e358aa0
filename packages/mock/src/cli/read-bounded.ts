// Reading a file whose size cannot be trusted: /dev/zero, a FIFO fed by an endless writer or
// `--seed <(generate)` report no size (or a wrong one), so the read itself stops at the limit.
import { closeSync, openSync, readSync } from 'node:fs';

export type BoundedRead = { kind: 'ok'; bytes: Buffer } | { kind: 'too-large' };

/** The whole file if it holds at most `limit` bytes; reads at most `limit + 1` either way. */
export function readAtMost(path: string, limit: number): BoundedRead {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(limit + 1);
    let filled = 0;
    while (filled <= limit) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (read === 0) return { kind: 'ok', bytes: buffer.subarray(0, filled) };
      filled += read;
    }
    return { kind: 'too-large' };
  } finally {
    closeSync(fd);
  }
}
