// Vine's keys as the mock stores them.
import type { Environment } from './formats.js';

export interface VineKeyRecord {
  id: string;
  name: string;
  environment: Environment;
  plaintext: string;
  scopes: string[];
  rateTier: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface VineState {
  keys: Map<string, VineKeyRecord>;
}

export const keyPrefixLength = 12;

export const keyPrefixOf = (key: VineKeyRecord): string => key.plaintext.slice(0, keyPrefixLength);
