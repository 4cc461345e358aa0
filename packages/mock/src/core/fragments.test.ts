import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fragmentKeys, MIN_FRAGMENT, someFragmentKey } from './fragments.js';

/** The definition the keys stand for: every 12-long window of every alphanumeric run, case-folded. */
function windowsOf(text: string): string[] {
  const windows: string[] = [];
  for (const run of text.toLowerCase().match(/[0-9a-z]{12,}/g) ?? []) {
    for (let i = 0; i + MIN_FRAGMENT <= run.length; i++) windows.push(run.slice(i, i + MIN_FRAGMENT));
  }
  return windows;
}

const alphabet = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-%é\u212a'.split(''));
const texts = fc.array(alphabet, { maxLength: 60, size: 'max' }).map((chars) => chars.join(''));

describe('fragmentKeys', () => {
  it('has one key per window of the definition: its halves read in base 36', () => {
    // parseInt(…, 36) as the reference reader of a half.
    const referenceKey = (window: string) => Number.parseInt(window.slice(0, 6), 36) * 2 ** 21 + (Number.parseInt(window.slice(6), 36) % 2 ** 21);
    fc.assert(
      fc.property(texts, (text) => {
        expect(fragmentKeys(text)).toEqual(windowsOf(text).map(referenceKey));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives different windows different keys unless their first halves agree', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-z]{12}$/), fc.stringMatching(/^[0-9a-z]{12}$/), (a, b) => {
        const [keyA] = fragmentKeys(a);
        const [keyB] = fragmentKeys(b);
        if (a.slice(0, 6) !== b.slice(0, 6)) expect(keyA).not.toBe(keyB);
        if (a === b) expect(keyA).toBe(keyB);
        expect(Number.isSafeInteger(keyA)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('folds case, and non-ASCII letters as toLowerCase does (the Kelvin sign is a k)', () => {
    expect(fragmentKeys('ABCDEFGHIJKL')).toEqual(fragmentKeys('abcdefghijkl'));
    expect(fragmentKeys('abcdefghij\u212al')).toEqual(fragmentKeys('abcdefghijkl'));
    expect(fragmentKeys('zzzzzzzzzzzz')).toHaveLength(1);
    expect(fragmentKeys('zzzzzzzzzzz')).toEqual([]);
  });
});

describe('someFragmentKey', () => {
  it('finds a key of a window inside the range exactly when fragmentKeys of that part has it', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), fc.array(fc.stringMatching(/^[0-9a-z]{12}$/), { maxLength: 3 }), (text, a, b, wanted) => {
        const from = Math.min(a, b) % (text.length + 1);
        const to = Math.max(from, Math.max(a, b) % (text.length + 1));
        const keys = new Set(wanted.flatMap((window) => fragmentKeys(window)));
        const expected = fragmentKeys(text.slice(from, to)).some((key) => keys.has(key));
        expect(someFragmentKey(text, from, to, (key) => keys.has(key))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops at the first key that passes', () => {
    const seen: number[] = [];
    expect(someFragmentKey('abcdefghijklmnop', 0, 16, (key) => seen.push(key) === 2)).toBe(true);
    expect(seen).toHaveLength(2);
  });
});
