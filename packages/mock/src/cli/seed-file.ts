// --seed <file.json>: read, parse and validate up front, so that a bad file stops the CLI with
// one line naming the file and the entry (e.g. "langwatch.virtual_keys[1].environment").
import { InputError } from '../core/inputs.js';
import { defaultFamilies } from '../families/index.js';
import { parseSeedPlan, type SeedPlan } from '../server/world/seed-plan.js';
import { UsageError } from './args.js';
import { readAtMost, type BoundedRead } from './read-bounded.js';

/** Far above any hand-written seed, far below what would hurt: /dev/zero must not be read whole. */
export const MAX_SEED_FILE_BYTES = 1024 * 1024;

/** The file's content as a validated seed plan (the server does not parse it again). */
export function readSeedFile(path: string): SeedPlan {
  let read: BoundedRead;
  try {
    read = readAtMost(path, MAX_SEED_FILE_BYTES);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`--seed ${path}: cannot read the file (${code ?? 'unknown error'})`);
  }
  if (read.kind === 'too-large') throw new UsageError(`--seed ${path}: the file is over 1 MiB (a seed file is JSON of at most 1 MiB)`);
  const text = read.bytes.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--seed ${path}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  try {
    return parseSeedPlan(json, defaultFamilies);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`--seed ${path}: ${error.message}`);
    throw error;
  }
}
