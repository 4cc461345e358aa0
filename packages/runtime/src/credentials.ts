// Construction-time checks of API keys. Messages name the option and the expected
// format, never the value: a key pasted into the wrong option is still a secret.

/**
 * A kind of key an option must not be given: how to recognise it, and what it appears
 * to be and where it belongs, e.g. "a Vine API key (vine_…); use it with createVineClient".
 */
export type WrongKind = [looksLike: (key: string) => boolean, description: string];

export interface CredentialRule {
  /** Option name as the caller writes it, e.g. "adminApiKey". */
  option: string;
  /** Human format, e.g. "a LangWatch admin key (sk-lw-{id}_{secret})". */
  expected: string;
  wrongKinds: readonly WrongKind[];
}

// Visible ASCII only: anything else would make Headers throw, and Headers error
// messages quote the offending value.
const KEY_CHARACTERS = /^[\x21-\x7e]+$/;

/** Returns the key when it is absent or plausible for the option; throws TypeError otherwise. */
export function checkCredential(rule: CredentialRule, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY_CHARACTERS.test(value)) {
    throw new TypeError(`${rule.option} must be a non-empty string of visible ASCII characters: ${rule.expected}`);
  }
  const wrong = rule.wrongKinds.find(([looksLike]) => looksLike(value));
  if (wrong) throw new TypeError(`${rule.option} expects ${rule.expected}, but the value looks like ${wrong[1]}`);
  return value;
}

/** Before a request: the operation needs a credential the client was not given. */
export function requireCredential(value: string | undefined, rule: CredentialRule, operation: string): string {
  if (value === undefined) throw new TypeError(`${operation} needs the ${rule.option} option: ${rule.expected}`);
  return value;
}
