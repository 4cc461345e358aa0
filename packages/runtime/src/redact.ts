// Scrubs credentials out of anything that ends up on an error: a server may echo a key back
// anywhere it writes text (body values, object keys, the reason phrase, header names and
// values), in any letter case, percent-encoded or not. Besides the keys a client was given,
// it scrubs what the client cannot know in advance: secrets the service minted (a create's
// or a rotate's answer), found by their shape (a known prefix) or by the field holding them.

export type Redactor = <T>(value: T) => T;

export const REDACTED = '[redacted]';

export interface RedactionRules {
  /** Secrets start like this (`sk-lw-`, `lw_vk_`, `vine_`): the prefix and the word after it are scrubbed. */
  prefixes?: readonly string[];
  /** JSON fields whose value is a secret in any body (`secret`, `token`, `plaintext`), matched in any letter case. */
  fields?: readonly string[];
}

// No real error body nests deeper; a hostile one must not overflow the stack.
const MAX_DEPTH = 64;

// The rest of a key after its prefix: letters, digits, "_" and "-", each maybe percent-encoded.
const KEY_TAIL = '(?:[\\w-]|%(?:2d|3[0-9]|[46][1-9a-f]|[57][0-9a]|5f))+';

/** Scrubs a string, or returns a copy of a JSON value (a parsed body) with every key and string scrubbed. */
export function createRedactor(secrets: readonly (string | undefined)[], { prefixes = [], fields = [] }: RedactionRules = {}): Redactor {
  const alternatives = [
    ...secrets.filter((secret): secret is string => !!secret).map(anyEncoding),
    ...prefixes.map((prefix) => anyEncoding(prefix) + KEY_TAIL),
  ];
  const pattern = alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'gi') : undefined;
  const secretFields = new Set(fields.map((field) => field.toLowerCase()));
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
              Object.fromEntries(
                Object.entries(value).map(([key, item]) => [scrub(key), secretFields.has(key.toLowerCase()) && item != null ? REDACTED : redact(item, depth + 1)]),
              );
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
