// The pieces of a text that redaction compares with credentials: every window of MIN_FRAGMENT
// characters of an alphanumeric run, case-folded, each as a number rather than a string. A rotation
// indexes a new secret and drops an old one; as strings, slicing and hashing their windows was the
// largest cost of a rotation at the server (bench: LangWatch rotate); as numbers it allocates nothing.

/** Shorter runs are no secret: the public prefixes (display_prefix, keyPrefix) show at most 7 random characters. */
export const MIN_FRAGMENT = 12;

const HALF = MIN_FRAGMENT / 2;
const LOW_BITS = 2 ** 21;
/** The weight of a half's oldest digit: 36^5. */
const TOP = 36 ** (HALF - 1);

/**
 * The key of every MIN_FRAGMENT-long window of every [0-9A-Za-z] run of `text`, case-folded.
 * A window's key is its first half read in base 36 (exact: 36^6 < 2^32) times 2^21, plus its second
 * half's value modulo 2^21: below 2^53, so exact as a number. Two different windows share a key
 * only when their first halves are equal and their second halves agree in 21 bits; then a piece is
 * redacted more, never less.
 */
export function fragmentKeys(text: string): number[] {
  const keys: number[] = [];
  forEachFragmentKey(text, (key) => {
    keys.push(key);
    return false;
  });
  return keys;
}

/** Hands `visit` the key of every window of `text` (as `fragmentKeys` lists them), without a list; stops when it returns true. */
export function forEachFragmentKey(text: string, visit: (key: number) => boolean): void {
  // Non-ASCII letters may fold to ASCII ones ("K", the Kelvin sign, to "k"), as toLowerCase does.
  const folded = NON_ASCII.test(text) ? text.toLowerCase() : text;
  scan(folded, 0, folded.length, true, visit);
}

/**
 * Whether `test` holds for the key of a window of `text` between `from` and `to` (one of the keys
 * `fragmentKeys` gives that part of the text), stopping at the first that does. On ASCII text it
 * allocates nothing and reads each character at most three times: redaction asks this of every long
 * component of every path it writes down.
 */
export function someFragmentKey(text: string, from: number, to: number, test: (key: number) => boolean): boolean {
  const answer = scan(text, from, to, false, test);
  if (answer !== undefined) return answer;
  const folded = text.slice(from, to).toLowerCase();
  return scan(folded, 0, folded.length, true, test) === true;
}

/**
 * The windows' keys, rolled along each run: the first half drops its oldest digit and takes the
 * second half's oldest, the second half takes the new one. `undefined` when it meets a non-ASCII
 * character in text not yet case-folded (the caller folds and asks again).
 */
function scan(text: string, from: number, to: number, folded: boolean, test: (key: number) => boolean): boolean | undefined {
  let run = 0;
  let high = 0; // the window's first half, in base 36
  let low = 0; // its second half, whole (below 36^6, so exact)
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const digit = digit36(code);
    if (digit < 0) {
      if (code > 127 && !folded) return undefined;
      run = 0;
      continue;
    }
    run += 1;
    if (run > MIN_FRAGMENT) {
      high = (high - digit36(text.charCodeAt(i - MIN_FRAGMENT)) * TOP) * 36 + digit36(text.charCodeAt(i - HALF));
      low = (low - digit36(text.charCodeAt(i - HALF)) * TOP) * 36 + digit;
    } else if (run > HALF) low = low * 36 + digit;
    else {
      high = run === 1 ? digit : high * 36 + digit;
      low = 0;
    }
    if (run >= MIN_FRAGMENT && test(high * LOW_BITS + (low % LOW_BITS))) return true;
  }
  return false;
}

/** 0–9 for digits, 10–35 for letters of either case, -1 for anything else. */
function digit36(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

const NON_ASCII = /[^\x00-\x7f]/;
