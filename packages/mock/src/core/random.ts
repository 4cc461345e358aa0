// Random strings for ids and secrets. Web Crypto only, so the mocks run in a browser
// (setupWorker) as well as in Node.
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const BASE64URL = `${BASE62}-_`;
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
