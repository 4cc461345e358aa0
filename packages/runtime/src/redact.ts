// Scrubs configured credentials out of anything that ends up on an error: a server may
// echo a key back anywhere it writes text (body values, object keys, the reason phrase,
// header names and values), in any letter case, percent-encoded or not.

export type Redactor = <T>(value: T) => T;

export const REDACTED = '[redacted]';

// No real error body nests deeper; a hostile one must not overflow the stack.
const MAX_DEPTH = 64;

/** Scrubs a string, or returns a copy of a JSON value (a parsed body) with every key and string scrubbed. */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const known = secrets.filter((secret): secret is string => !!secret);
  const pattern = known.length > 0 ? new RegExp(known.map(anyEncoding).join('|'), 'gi') : undefined;
  const scrub = (text: string) => (pattern ? text.replace(pattern, REDACTED) : text);
  const redact = (value: unknown, depth: number): unknown =>
    typeof value === 'string'
      ? scrub(value)
      : typeof value !== 'object' || value === null
        ? value
        : depth > MAX_DEPTH
          ? REDACTED
          : Array.isArray(value)
            ? value.map((item) => redact(item, depth + 1))
            : // fromEntries defines a "__proto__" key as data, as JSON.parse did.
              Object.fromEntries(Object.entries(value).map(([key, item]) => [scrub(key), redact(item, depth + 1)]));
  return <T>(value: T) => redact(value, 0) as T;
}

/** A copy of response headers with credentials scrubbed from every value, and headers whose name holds one renamed. */
export function redactHeaders(headers: Headers, redact: Redactor): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => copy.append(redact(name) === name ? name : 'x-redacted', redact(value)));
  return copy;
}

// Keys are visible ASCII (credentials.ts), so each character is one byte: itself or %XX.
function anyEncoding(secret: string): string {
  return [...secret].map((char) => `(?:${char.replace(/[$()*+.?[\\\]^{|}/-]/, '\\$&')}|%${char.charCodeAt(0).toString(16)})`).join('');
}
