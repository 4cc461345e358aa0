import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fragmentKeys, MIN_FRAGMENT } from './fragments.js';

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
