// Scrubs configured credentials out of anything that ends up on an error:
// a server may echo a key back in its error body or a header.

export type Redactor = <T>(value: T) => T;

export const REDACTED = '[redacted]';

/** Scrubs a string, or every string value inside a JSON value (a parsed body). */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const scrub = (value: unknown) =>
    typeof value === 'string' ? secrets.reduce<string>((text, secret) => (secret ? text.split(secret).join(REDACTED) : text), value) : value;
  return <T>(value: T): T => (typeof value === 'object' && value !== null ? JSON.parse(JSON.stringify(value, (_, item) => scrub(item))) : (scrub(value) as T));
}

/** A copy of response headers with credentials scrubbed from every value. */
export function redactHeaders(headers: Headers, redact: Redactor): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => copy.append(name, redact(value)));
  return copy;
}
