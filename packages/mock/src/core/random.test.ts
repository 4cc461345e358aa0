import { describe, expect, it } from 'vitest';
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
