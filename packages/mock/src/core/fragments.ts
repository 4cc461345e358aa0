// The pieces of a text that redaction compares with credentials: every window of MIN_FRAGMENT
// characters of an alphanumeric run, case-folded, each as a number rather than a string. A rotation
// indexes a new secret and drops an old one, and every journal entry and log line is looked up
// when written: keys are rolled along each run and written into a Float64Array, so that neither
// computing nor probing them allocates (a number handed to a function that is not inlined is boxed).

/** Shorter runs are no secret: the public prefixes (display_prefix, keyPrefix) show at most 7 random characters. */
export const MIN_FRAGMENT = 12;

const HALF = MIN_FRAGMENT / 2;
const LOW_BITS = 2 ** 21;
const LOW_MASK = LOW_BITS - 1;
/** The weight of a half's oldest digit: 36^5. */
const TOP = 36 ** (HALF - 1);

/** Keys written by `readKeys`: the first `count` of `keys`. Reused from call to call. */
export interface KeyBuffer {
  keys: Float64Array;
  count: number;
}

export const createKeyBuffer = (): KeyBuffer => ({ keys: new Float64Array(64), count: 0 });

/**
 * The key of every MIN_FRAGMENT-long window of every [0-9A-Za-z] run of `text`, case-folded.
 * A window's key is its first half read in base 36 (exact: 36^6 < 2^32) times 2^21, plus its second
 * half's value modulo 2^21: below 2^53, so exact as a number. Two different windows share a key
 * only when their first halves are equal and their second halves agree in 21 bits; then a piece is
 * redacted more, never less.
 */
export function fragmentKeys(text: string): number[] {
  const buffer = createKeyBuffer();
  readKeys(text, 0, text.length, buffer);
  return Array.from(buffer.keys.subarray(0, buffer.count));
}

/** Writes the keys of the windows of `text` between `from` and `to` into `buffer`, in order (those `fragmentKeys` gives that part). */
export function readKeys(text: string, from: number, to: number, buffer: KeyBuffer): void {
  if (buffer.keys.length < to - from) buffer.keys = new Float64Array(Math.max(to - from, buffer.keys.length * 2));
  if (scan(text, from, to, false, buffer)) return;
  // Non-ASCII letters may fold to ASCII ones ("K", the Kelvin sign, to "k"), as toLowerCase does.
  const folded = text.slice(from, to).toLowerCase();
  if (buffer.keys.length < folded.length) buffer.keys = new Float64Array(folded.length);
  scan(folded, 0, folded.length, true, buffer);
}

/** Whether `test` holds for the key of a window of `text` between `from` and `to`. */
export function someFragmentKey(text: string, from: number, to: number, test: (key: number) => boolean): boolean {
  const buffer = createKeyBuffer();
  readKeys(text, from, to, buffer);
  for (let i = 0; i < buffer.count; i++) if (test(buffer.keys[i]!)) return true;
  return false;
}

/**
 * The windows' keys, rolled along each run: the first half drops its oldest digit and takes the
 * second half's oldest, the second half takes the new one. False (nothing written) when it meets a
 * non-ASCII character in text not yet case-folded: the caller folds and asks again.
 */
function scan(text: string, from: number, to: number, folded: boolean, buffer: KeyBuffer): boolean {
  const { keys } = buffer;
  let count = 0;
  let run = 0;
  let high = 0; // the window's first half, in base 36
  let low = 0; // its second half, whole (below 36^6 < 2^32, so exact)
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const digit = digit36(code);
    if (digit < 0) {
      if (code > 127 && !folded) return false;
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
    // low's 21 low bits by a mask (it is below 2^32), not by the floating-point remainder.
    if (run >= MIN_FRAGMENT) keys[count++] = high * LOW_BITS + (low & LOW_MASK);
  }
  buffer.count = count;
  return true;
}

/** 0–9 for digits, 10–35 for letters of either case, -1 for anything else. */
function digit36(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}
