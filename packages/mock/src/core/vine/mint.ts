// The one way a Vine key comes into being, for the seeder and for POST /api/v1/keys alike: stored,
// and told to the secret tracker so that redaction covers its plaintext at once.
import type { SecretTracker } from '../secrets.js';
import { formats, type Environment } from './formats.js';
import type { VineKeyRecord, VineState } from './state.js';

/** "Defaults to ['detect', 'extract', 'extractions:read']." (Vine docs, Create an API key.) */
export const DEFAULT_SCOPES: readonly string[] = ['detect', 'extract', 'extractions:read'];
/** The only rate tier the docs show (Quickstart's example answer). */
export const DEFAULT_RATE_TIER = 'internal';

export interface VineKeyFields {
  name: string;
  environment: Environment;
  scopes: readonly string[];
  /** Given by a seed (core/given.ts has checked them); default: minted. */
  id?: string | undefined;
  plaintext?: string | undefined;
}

export function mintVineKey(state: VineState, secrets: SecretTracker, fields: VineKeyFields, now: number): VineKeyRecord {
  const key = {
    id: fields.id ?? formats.keyId(),
    name: fields.name,
    environment: fields.environment,
    plaintext: fields.plaintext ?? formats.plaintext(fields.environment),
    scopes: [...fields.scopes],
    rateTier: DEFAULT_RATE_TIER,
    createdAt: now,
    revokedAt: null,
  };
  state.keys.set(key.id, key);
  secrets.minted(key.plaintext);
  return key;
}
