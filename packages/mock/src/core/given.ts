// Ids and credentials a caller gives instead of letting the mock mint them (a seed file that a
// suite in any language keeps in its .env, a control-plane body, seed.* in TypeScript): checked
// against the shape the real service mints and for uniqueness, and never quoted back when secret.
import { InputError, type Rule } from './inputs.js';

/** A rule for a given id or credential: a string of the real shape, described for the message. */
export function realShape(pattern: RegExp, description: string): Rule<string> {
  return { expected: description, accepts: (value): value is string => typeof value === 'string' && pattern.test(value) };
}

/** Throws when an id is already taken (ids are not secret, so the message quotes it). */
export function requireFreeId(field: string, id: string, taken: boolean, what: string): void {
  if (taken) throw new InputError(field, `${field} "${id}" is already the id of another ${what}: ids must be unique`);
}

/** Throws when a credential is already held by another entity; the message does not quote it. */
export function requireFreeCredential(field: string, credential: string, held: Iterable<string>): void {
  for (const other of held) {
    if (other === credential) throw new InputError(field, `${field} is already the credential of another entity: credentials must be unique`);
  }
}
