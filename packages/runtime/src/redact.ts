// Scrubs configured credentials out of anything that ends up on an error:
// a server may echo a key back in its error body or a header.

export type Redactor = <T>(value: T) => T;

export const REDACTED = '[redacted]';

export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const known = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length > 0);
  const scrub = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return known.reduce((text, secret) => text.split(secret).join(REDACTED), value);
    if (depth > 20 || typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[scrub(key, depth) as string] = scrub(item, depth + 1);
    return copy;
  };
  return <T>(value: T) => (known.length === 0 ? value : (scrub(value, 0) as T));
}

/** A copy of response headers with credentials scrubbed from every value. */
export function redactHeaders(headers: Headers, redact: Redactor): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => copy.append(name, redact(value)));
  return copy;
}
