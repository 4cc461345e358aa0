import { describe, expect, it } from 'vitest';
import { REDACTED, createRedactor, redactHeaders } from './redact.js';

const SECRET = 'sk-lw-Secret0123456789';

describe('createRedactor', () => {
  const redact = createRedactor([SECRET, undefined, '']);

  it('scrubs strings, every occurrence', () => {
    expect(redact(`bad key ${SECRET}, again ${SECRET}`)).toBe(`bad key ${REDACTED}, again ${REDACTED}`);
  });

  it('scrubs string values at any depth of a JSON body, leaving the rest', () => {
    const body = { error: 'unauthorized', message: `key ${SECRET}`, details: [{ key: SECRET, n: 1, ok: true, none: null }] };
    expect(redact(body)).toEqual({ error: 'unauthorized', message: `key ${REDACTED}`, details: [{ key: REDACTED, n: 1, ok: true, none: null }] });
    expect(body.message).toContain(SECRET); // the original is not mutated
  });

  it('passes non-strings through', () => {
    expect(redact(undefined)).toBeUndefined();
    expect(redact(42)).toBe(42);
  });
});

describe('redactHeaders', () => {
  it('copies headers with values scrubbed', () => {
    const headers = redactHeaders(new Headers({ 'x-echo': `Bearer ${SECRET}`, 'x-request-id': 'req_1' }), createRedactor([SECRET]));
    expect(headers.get('x-echo')).toBe(`Bearer ${REDACTED}`);
    expect(headers.get('x-request-id')).toBe('req_1');
  });
});
