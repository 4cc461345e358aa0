// --seed <file.json>: read, parse and validate up front, so that a bad file stops the CLI with
// one line naming the file and the entry (e.g. "langwatch.virtual_keys[1].environment").
import { readFileSync } from 'node:fs';
import { InputError } from '../http/fields.js';
import { parseSeedPlan } from '../http/seed-plan.js';
import { UsageError } from './args.js';

/** The file's JSON, known to be a valid seed plan. */
export function readSeedFile(path: string): unknown {
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
    parseSeedPlan(json);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`--seed ${path}: ${error.message}`);
    throw error;
  }
  return json;
}
