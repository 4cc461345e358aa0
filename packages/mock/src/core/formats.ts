// Random identifiers and secrets in the formats the real services use.
// Web Crypto only, so the mock runs in a browser (setupWorker) as well as in Node.
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE64URL = `${BASE62}-_`;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// Random bytes are drawn a pool at a time: one getRandomValues call per request (a rotation
// mints a secret) cost more than everything else the request does. Each byte is used once.
const pool = new Uint8Array(4096);
let poolNext = pool.length;

function randomByte(): number {
  if (poolNext === pool.length) {
    crypto.getRandomValues(pool);
    poolNext = 0;
  }
  return pool[poolNext++]!;
}

/** Unbiased random string over `alphabet` (rejection sampling). */
export function randomString(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    const byte = randomByte();
    if (byte < limit) out += alphabet[byte % alphabet.length];
  }
  return out;
}

/** 26-character ULID: 48-bit millisecond time, then 80 random bits, in Crockford base32. */
export function ulid(epochMs: number): string {
  let time = '';
  let rest = Math.max(0, Math.floor(epochMs));
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[rest % 32] + time;
    rest = Math.floor(rest / 32);
  }
  return time + randomString(CROCKFORD, 16);
}

export type Environment = 'live' | 'test';

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
  vineKeyId: () => `key_${randomString(BASE62, 24)}`,
  vinePlaintext: (environment: Environment) => `vine_${environment}_${randomString(BASE62, 32)}`,
} as const;

export const DISPLAY_PREFIX_LENGTH = 18;
export const VINE_KEY_PREFIX_LENGTH = 12;
