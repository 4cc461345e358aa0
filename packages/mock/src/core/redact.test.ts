import { describe, expect, it } from 'vitest';
import { fragmentKeys } from './fragments.js';
import { createRedactor, decodeFully } from './redact.js';

const SECRET = 'Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6';
const minted = new Set(fragmentKeys(SECRET));
const { redact } = createRedactor([{ hasFragment: (key) => minted.has(key) }]);

describe('redaction', () => {
  it('decodes until no escape is left, however many rounds', () => {
    let encoded = [...'vine_live_x'].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
    for (let round = 1; round < 40; round++) encoded = encoded.replaceAll('%', '%25');
    expect(decodeFully(encoded)).toBe('vine_live_x');
    expect(decodeFully('%%341%zz%4')).toBe('A%zz%4'); // %34 gives 4, which makes %41: A
    expect(redact(`/api/v1/keys/${encoded}/revoke`)).toBe('/api/v1/keys/[redacted]/revoke');
  });

  it('redacts a component holding a minted piece, a format, or an encoded one; leaves the rest as it was', () => {
    expect(redact(`/a/${SECRET.slice(3, 15)}/b?k=${SECRET.toLowerCase()}&x=1`)).toBe('/a/[redacted]/b?k=[redacted]&x=1');
    expect(redact('/a/sk-lw-short/b')).toBe('/a/[redacted]/b');
    expect(redact(`/a/%${SECRET.charCodeAt(0).toString(16)}${SECRET.slice(1)}`)).toBe('/a/[redacted]');
    const clean = '/api/v1/keys/c0123456789abcdefghijklmn/revoke';
    expect(redact(clean)).toBe(clean);
    expect(redact(`/a/${SECRET.slice(0, 11)}`)).toBe(`/a/${SECRET.slice(0, 11)}`); // 11 characters are no piece
  });

  it('reads a 1 MB path once: it keeps no escape or component from the one before', () => {
    const long = `/x/${'%25'.repeat(200_000)}41/${'a'.repeat(400_000)}`;
    expect(redact(long)).toBe(long);
  });
});
