// Vine's identifiers and keys. The docs show ids only truncated ("clz…", a cuid's start): the
// mock mints "c" + 24 lowercase alphanumerics, a guess at the length (docs/divergences.md).
import { BASE62, randomString } from '../random.js';

export const ENVIRONMENTS = ['live', 'test'] as const;

/** Vine keys (vine_live_…, vine_test_…): redacted wherever seen. */
export const CREDENTIAL_FORMATS: readonly RegExp[] = [/vine_(?:live|test)_[0-9a-z]+/i];
export type Environment = (typeof ENVIRONMENTS)[number];

/** "Key prefix environment. Defaults to 'test'." (Vine docs, Create an API key.) */
export const DEFAULT_ENVIRONMENT: Environment = 'test';

const LOWER_ALPHANUMERIC = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * What a given id or key must look like (core/given.ts). Vine documents the key prefixes, not the
 * length after them; the mock mints 32 characters and accepts 24 to 64.
 */
export const shapes = {
  keyId: [/^c[0-9a-z]{24}$/, 'c followed by 24 characters of a-z 0-9 (a cuid)'],
  plaintext: [/^vine_(live|test)_[0-9A-Za-z]{24,64}$/, 'a Vine key: vine_live_ or vine_test_ followed by 24 to 64 characters of A-Z a-z 0-9'],
} as const satisfies Record<string, readonly [RegExp, string]>;

export const formats = {
  keyId: () => `c${randomString(LOWER_ALPHANUMERIC, 24)}`,
  plaintext: (environment: Environment) => `vine_${environment}_${randomString(BASE62, 32)}`,
} as const;

/**
 * What Vine's values look like, as far as its docs show them (the plaintext's length is not
 * documented, so none is required); the id's length is the mock's guess. `revokit-mock verify`
 * holds a live service's answers to these; formats.test.ts the mock's own.
 */
export const patterns = {
  keyId: /^c[0-9a-z]{24}$/,
  plaintext: /^vine_(?:live|test)_[A-Za-z0-9]+$/,
} as const;
