// The pieces of a text that redaction compares with credentials: every window of MIN_FRAGMENT
// characters of an alphanumeric run, case-folded, each as a number rather than a string. A rotation
// indexes a new secret and drops an old one; as strings, slicing and hashing their windows was the
// largest cost of a rotation at the server (bench: LangWatch rotate); as numbers it allocates nothing.

/** Shorter runs are no secret: the public prefixes (display_prefix, keyPrefix) show at most 7 random characters. */
export const MIN_FRAGMENT = 12;

const HALF = MIN_FRAGMENT / 2;
const LOW_BITS = 2 ** 21;

/**
 * The key of every MIN_FRAGMENT-long window of every [0-9A-Za-z] run of `text`, case-folded.
 * A window's key is its first half read in base 36 (exact: 36^6 < 2^32) times 2^21, plus its second
 * half's value modulo 2^21: below 2^53, so exact as a number. Two different windows share a key
 * only when their first halves are equal and their second halves agree in 21 bits; then a piece is
 * redacted more, never less.
 */
export function fragmentKeys(text: string): number[] {
  // Non-ASCII letters may fold to ASCII ones ("K", the Kelvin sign, to "k"), as toLowerCase does.
  const folded = NON_ASCII.test(text) ? text.toLowerCase() : text;
  const keys: number[] = [];
  let run = 0;
  for (let i = 0; i < folded.length; i++) {
    if (digit36(folded.charCodeAt(i)) < 0) run = 0;
    else if (++run >= MIN_FRAGMENT) keys.push(keyAt(folded, i + 1 - MIN_FRAGMENT));
  }
  return keys;
}

function keyAt(text: string, start: number): number {
  let high = 0;
  let low = 0;
  for (let j = 0; j < HALF; j++) high = high * 36 + digit36(text.charCodeAt(start + j));
  for (let j = HALF; j < MIN_FRAGMENT; j++) low = low * 36 + digit36(text.charCodeAt(start + j));
  return high * LOW_BITS + (low % LOW_BITS);
}

/** 0–9 for digits, 10–35 for letters of either case, -1 for anything else. */
function digit36(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

const NON_ASCII = /[^\x00-\x7f]/;
