// LangWatch's identifiers and secrets, in the shapes the real service mints (docs/divergences.md).
import { BASE62, BASE64URL, randomString, ulid } from '../random.js';

export const ENVIRONMENTS = ['live', 'test'] as const;

/** Project and admin keys (sk-lw-…), virtual-key secrets (lw_vk_…): redacted wherever seen. */
export const CREDENTIAL_FORMATS: readonly RegExp[] = [/sk-lw-[a-z0-9_]+/i, /lw_vk_(?:live|test)_[0-9a-z]+/i];
export type Environment = (typeof ENVIRONMENTS)[number];

/** What a given id or credential must look like (core/given.ts): the shapes `formats` mints, as the real service mints them (docs/divergences.md). */
export const shapes = {
  projectId: [/^project_[0-9A-Za-z_-]{21}$/, 'project_ followed by 21 characters of A-Z a-z 0-9 _ - (a nanoid)'],
  projectApiKey: [/^sk-lw-[0-9A-Za-z]{48}$/, 'a project key: sk-lw- followed by 48 characters of A-Z a-z 0-9'],
  virtualKeyId: [/^vk_[0-9A-Za-z_-]{22}$/, 'vk_ followed by 22 characters of A-Z a-z 0-9 _ - (16 random bytes, base64url)'],
  virtualKeySecret: [/^lw_vk_(live|test)_[0-7][0-9A-HJKMNP-TV-Z]{25}$/, 'a virtual-key secret: lw_vk_live_ or lw_vk_test_ followed by a 26-character ULID (Crockford base32, upper case)'],
  apiKeyRowId: [/^[0-9A-Za-z_-]{21}$/, '21 characters of A-Z a-z 0-9 _ - (a nanoid)'],
  apiKeyToken: [/^sk-lw-[0-9A-Za-z]{16}_[0-9A-Za-z]{48}$/, 'an admin API key: sk-lw-, 16 characters of A-Z a-z 0-9, _, then 48 more'],
} as const satisfies Record<string, readonly [RegExp, string]>;

export const formats = {
  virtualKeyId: () => `vk_${randomString(BASE64URL, 22)}`,
  /** lw_vk_{env}_ + ULID: 37 characters, as the real gateway mints them. */
  virtualKeySecret: (environment: Environment, epochMs: number) => `lw_vk_${environment}_${ulid(epochMs)}`,
  projectId: () => `project_${randomString(BASE62, 21)}`,
  /** Project keys carry no underscore after "sk-lw-": that is how they differ from admin keys. */
  projectApiKey: () => `sk-lw-${randomString(BASE62, 48)}`,
  apiKeyRowId: () => randomString(BASE62, 21),
  apiKeyLookupId: () => randomString(BASE62, 16),
  apiKeySecret: () => randomString(BASE62, 48),
  userId: () => `user_${randomString(BASE62, 21)}`,
  /** Organization, provider credential and role binding ids are Prisma `nanoid()`s (21 of A-Za-z0-9_-); the mock's are base62. */
  organizationId: () => randomString(BASE62, 21),
  providerCredentialId: () => randomString(BASE62, 21),
  roleBindingId: () => randomString(BASE62, 21),
  /** "req_" + 30 lowercase hex (15 random bytes), as the gateway mints request ids. */
  requestId: () => `req_${randomString('0123456789abcdef', 30)}`,
} as const;

/**
 * What each kind of value looks like when the real service sends it: wider than what the mock
 * mints where the real alphabet is (row ids are Prisma nanoid()s, which may hold "_" and "-").
 * `revokit-mock verify` holds a live service's answers to these; formats.test.ts the mock's own.
 */
export const patterns = {
  virtualKeyId: /^vk_[A-Za-z0-9_-]{22}$/,
  /** lw_vk_{env}_ + a 26-character Crockford ULID. */
  virtualKeySecret: /^lw_vk_(?:live|test)_[0-9A-HJKMNP-TV-Z]{26}$/,
  projectApiKey: /^sk-lw-[A-Za-z0-9]{48}$/,
  apiKeyToken: /^sk-lw-[A-Za-z0-9]{16}_[A-Za-z0-9]{48}$/,
  apiKeyRowId: /^[A-Za-z0-9_-]{21}$/,
  requestId: /^req_[0-9a-f]{30}$/,
} as const;
