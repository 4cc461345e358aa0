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

describe('createRedactor: secrets the client was not given', () => {
  const redact = createRedactor([], { prefixes: ['lw_vk_', 'sk-lw-'], fields: ['secret', 'token'] });

  it('scrubs a word that starts with a prefix, up to the first character a key cannot hold', () => {
    expect(redact('new key lw_vk_live_01JZ8Q4TS6M2C9X7R5BNWPHKDE, shown once')).toBe(`new key ${REDACTED}, shown once`);
    expect(redact('token=sk-lw-Ab12_Cd-34&next=1')).toBe(`token=${REDACTED}&next=1`);
    expect(redact('"sk-lw-x"')).toBe(`"${REDACTED}"`);
  });

  it('in any letter case and percent-encoding, without eating the encoded text that follows', () => {
    expect(redact('LW_VK_LIVE_01JZ8')).toBe(REDACTED);
    expect(redact('%6cw%5fvk_live_%30%31JZ8%20is%20gone')).toBe(`${REDACTED}%20is%20gone`);
    expect(redact(encodeURIComponent('sk-lw-Ab12_Cd34 x'))).toBe(`${REDACTED}%20x`);
  });

  it('leaves a prefix alone when nothing follows it, and text that merely resembles one', () => {
    expect(redact('keys look like sk-lw-… or lw_vk_')).toBe('keys look like sk-lw-… or lw_vk_');
    expect(redact('sk-lw and lw-vk-live-1')).toBe('sk-lw and lw-vk-live-1');
  });

  it('replaces the value of a secret field whole, at any depth and in any letter case, whatever it holds', () => {
    const body = { error: 'x', secret: 'opaque', nested: [{ Token: { a: 1 } }], TOKEN: 42, none: { secret: null }, secrets: 'kept' };
    expect(redact(body)).toEqual({ error: 'x', secret: REDACTED, nested: [{ Token: REDACTED }], TOKEN: REDACTED, none: { secret: null }, secrets: 'kept' });
  });

  it('a field name in a string is only text', () => {
    expect(redact('secret')).toBe('secret');
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
