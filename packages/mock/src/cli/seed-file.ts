// --seed <file.json>: read, parse and validate up front, so that a bad file stops the CLI with
// one line naming the file and the entry (e.g. "langwatch.virtual_keys[1].environment").
import { readFileSync } from 'node:fs';
import { InputError } from '../core/inputs.js';
import { defaultFamilies } from '../families/index.js';
import { parseSeedPlan, type SeedPlan } from '../server/world/seed-plan.js';
import { UsageError } from './args.js';

/** The file's content as a validated seed plan (the server does not parse it again). */
export function readSeedFile(path: string): SeedPlan {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`--seed ${path}: cannot read the file (${code ?? 'unknown error'})`);
  }
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
