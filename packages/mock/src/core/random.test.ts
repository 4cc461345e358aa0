import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomString, ulid } from './random.js';

describe('random', () => {
  it('encodes the ULID time part in Crockford base32', () => {
    // The reference vector of the ULID spec: 1469918176385 ms → "01ARYZ6S41".
    expect(ulid(1469918176385).slice(0, 10)).toBe('01ARYZ6S41');
    expect(ulid(0)).toMatch(/^0{10}[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it('draws every character of the alphabet', () => {
    const seen = new Set(randomString('abc', 300));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('randomString, over a known byte stream', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('uses every byte once, in order, across calls and pool refills, rejecting the biased ones', async () => {
    // Bytes 0, 1, 2, …, 255, 0, 1, … : for "abc" the limit is 255, so only 255 is rejected.
    let counter = 0;
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      const bytes = array as unknown as Uint8Array;
      for (let i = 0; i < bytes.length; i++) bytes[i] = counter++ % 256;
      return array;
    });
    vi.resetModules();
    const fresh = await import('./random.js'); // a module with an empty pool
    const drawn = [7, 1, 300, 5_000, 12, 9_000].map((length) => fresh.randomString('abc', length)).join('');
    const expected = Array.from({ length: 30_000 }, (_, i) => i % 256)
      .filter((byte) => byte < 255)
      .map((byte) => 'abc'[byte % 3])
      .join('')
      .slice(0, drawn.length);
    expect(drawn).toBe(expected);
  });
});
