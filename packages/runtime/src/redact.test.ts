import { describe, expect, it } from 'vitest';
import { REDACTED, createRedactor, redactHeaders } from './redact.js';

const SECRET = 'sk-lw-Secret0123456789';
const OTHER = 'Other.Secret+(x)*';

describe('createRedactor', () => {
  const redact = createRedactor([SECRET, undefined, '', OTHER]);

  it('scrubs strings, every occurrence', () => {
    expect(redact(`bad key ${SECRET}, again ${SECRET}`)).toBe(`bad key ${REDACTED}, again ${REDACTED}`);
    expect(redact(`x${OTHER}y`)).toBe(`x${REDACTED}y`); // regex metacharacters in a key are literal
    expect(redact('Other_Secret_(x)_')).toBe('Other_Secret_(x)_');
  });

  it('scrubs a key in any letter case (Headers lower-cases names), or percent-encoded in whole or part', () => {
    expect(redact(SECRET.toLowerCase())).toBe(REDACTED);
    expect(redact(SECRET.toUpperCase())).toBe(REDACTED);
    expect(redact(`/keys/%73k-lw-Secret0123456789`)).toBe(`/keys/${REDACTED}`);
    expect(redact(encodeURIComponent(OTHER))).toBe(REDACTED);
    const everyByte = [...SECRET].map((char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).join('');
    expect(redact(`id=${everyByte}`)).toBe(`id=${REDACTED}`);
  });

  it('scrubs keys and string values at any depth of a JSON body, leaving the rest, without mutating it', () => {
    const body = { error: 'unauthorized', message: `key ${SECRET}`, details: [{ key: SECRET, n: 1, ok: true, none: null }], tried: { [SECRET]: 'invalid' } };
    expect(redact(body)).toEqual({
      error: 'unauthorized',
      message: `key ${REDACTED}`,
      details: [{ key: REDACTED, n: 1, ok: true, none: null }],
      tried: { [REDACTED]: 'invalid' },
    });
    expect(body.message).toContain(SECRET);
  });

  it('keeps a "__proto__" key as data, as JSON.parse made it', () => {
    const copy = redact(JSON.parse(`{"__proto__":{"polluted":"${SECRET}"}}`)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(copy)).toBe(`{"__proto__":{"polluted":"${REDACTED}"}}`);
  });

  it('cuts a hostile nesting instead of overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}"${SECRET}"${']'.repeat(100_000)}`);
    expect(JSON.stringify(redact(deep))).not.toContain(SECRET);
  });

  it('passes non-strings through; with no secrets it changes nothing', () => {
    expect(redact(undefined)).toBeUndefined();
    expect(redact(42)).toBe(42);
    expect(createRedactor([undefined])(`plain ${SECRET}`)).toBe(`plain ${SECRET}`);
  });
});

describe('redactHeaders', () => {
  it('copies headers with values scrubbed, and renames a header whose name holds a key', () => {
    const headers = redactHeaders(
      new Headers({ 'x-echo': `Bearer ${SECRET}`, 'x-request-id': 'req_1', [`x-${SECRET}`]: 'seen' }),
      createRedactor([SECRET]),
    );
    expect(headers.get('x-echo')).toBe(`Bearer ${REDACTED}`);
    expect(headers.get('x-request-id')).toBe('req_1');
    expect(headers.get('x-redacted')).toBe('seen');
    expect([...headers.keys()].join()).not.toContain(SECRET.toLowerCase());
  });
});
