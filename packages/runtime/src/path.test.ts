import { describe, expect, it } from 'vitest';
import { checkIdParam, encodePathParam, serializePath } from './path.js';

describe('encodePathParam', () => {
  it('keeps an id with reserved characters as one segment', () => {
    expect(encodePathParam('a/b?c#d', 'id')).toBe('a%2Fb%3Fc%23d');
    expect(encodePathParam('%2E%2E', 'id')).toBe('%252E%252E');
    expect(encodePathParam('key with space&more', 'id')).toBe('key%20with%20space%26more');
    expect(encodePathParam('...', 'id')).toBe('...');
  });

  it.each([[''], ['.'], ['..'], ['\uD800'], [undefined], [42], [null]])('rejects %j with a TypeError naming the parameter', (value) => {
    expect(() => encodePathParam(value, 'id')).toThrow(TypeError);
    expect(() => encodePathParam(value, 'id')).toThrow(/^id /);
  });

  it('produces URLs whose path keeps the segment', () => {
    const url = new URL(`https://x.test/api/keys/${encodePathParam('a/b?c#d', 'id')}/revoke`);
    expect(url.pathname).toBe('/api/keys/a%2Fb%3Fc%23d/revoke');
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
  });
});

describe('serializePath', () => {
  it('fills every template parameter', () => {
    expect(serializePath('https://x.test/a/{id}/b/{other}', { id: 'x/y', other: 'z' })).toBe('https://x.test/a/x%2Fy/b/z');
  });

  it('throws for a missing or unaddressable parameter', () => {
    expect(() => serializePath('https://x.test/a/{id}', {})).toThrow(TypeError);
    expect(() => serializePath('https://x.test/a/{id}', { id: '..' })).toThrow(TypeError);
  });
});

describe('checkIdParam', () => {
  it('returns a valid id, encoded as one segment', () => {
    expect(checkIdParam('vk_123', 'id', ['sk-lw-'])).toBe('vk_123');
    expect(checkIdParam('a/b?c', 'id', ['sk-lw-'])).toBe('a%2Fb%3Fc');
  });

  it('refuses an id shaped like a secret key, without quoting it', () => {
    const secret = 'sk-lw-Abcdefghijklmnop';
    expect(() => checkIdParam(secret, 'id', ['sk-lw-'])).toThrow(/looks like a secret key/);
    try {
      checkIdParam(secret, 'id', ['sk-lw-']);
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });
});
