import { describe, expect, it } from 'vitest';
import { formats, randomString, ulid } from './formats.js';

describe('formats', () => {
  it('encodes the ULID time part in Crockford base32', () => {
    // The reference vector of the ULID spec: 1469918176385 ms → "01ARYZ6S41".
    expect(ulid(1469918176385).slice(0, 10)).toBe('01ARYZ6S41');
    expect(ulid(0)).toMatch(/^0{10}[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it('mints ids and secrets in the real services\' shapes', () => {
    expect(formats.virtualKeyId()).toMatch(/^vk_[A-Za-z0-9_-]{22}$/);
    expect(formats.virtualKeySecret('test', Date.now())).toMatch(/^lw_vk_test_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(formats.projectApiKey()).toMatch(/^sk-lw-[A-Za-z0-9]{48}$/);
    expect(formats.apiKeyRowId()).toMatch(/^[A-Za-z0-9]{21}$/);
    expect(formats.apiKeyLookupId()).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(formats.apiKeySecret()).toMatch(/^[A-Za-z0-9]{48}$/);
    expect(formats.vinePlaintext('live')).toMatch(/^vine_live_[A-Za-z0-9]{32}$/);
  });

  it('draws every character of the alphabet', () => {
    const seen = new Set(randomString('abc', 300));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
  });
});
