// Vine's identifiers and keys (the id shape is ours: docs/divergences.md).
import { BASE62, randomString } from '../random.js';

export const ENVIRONMENTS = ['live', 'test'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const formats = {
  keyId: () => `key_${randomString(BASE62, 24)}`,
  plaintext: (environment: Environment) => `vine_${environment}_${randomString(BASE62, 32)}`,
} as const;
