// Credentials as steps name them (which one, and how mangled), and the leak check: whether a text
// (a journal url, a log line, an error body) shows any credential the run knows, in any encoding.
import type { World } from './world.js';

/** `keyProject`: the key of the project that owns the virtual key the step targets (another project's when it targets no key). */
export type CredentialSource = 'keyProject' | 'project' | 'vk' | 'vkPrevious' | 'vkRetired' | 'admin' | 'vine' | 'unknown' | 'garbage';
/** How a credential is bent before it is sent: each bent form is a wrong credential, and still a secret. */
export type Mangle = 'none' | 'pctOne' | 'pctAll' | 'pctTwice' | 'upper' | 'inner' | 'tail';

export interface CredentialRef {
  from: CredentialSource;
  /** Which one of that kind (modulo how many exist). */
  i: number;
  mangle: Mangle;
}

/** Well-formed credentials nobody minted, and junk (latin1 only: header values are bytes). */
export const UNKNOWN = ['sk-lw-' + 'Q7'.repeat(24), 'lw_vk_live_' + '0'.repeat(26), 'vine_test_' + 'zZ'.repeat(16), 'sk-lw-' + 'a'.repeat(16) + '_' + 'b'.repeat(48)];
const GARBAGE = ['x', 'null', 'Bearer', 'sk-lw-', 'lw_vk_', 'vine_live_', '%', 'caf\u00e9', '""', 'a:b:c'];

/** The credential a reference names in this world, or a stand-in when none of that kind exists yet. */
export function resolve(world: World, ref: CredentialRef, keyProject?: string): string {
  const pick = <T>(list: readonly T[]): T | undefined => (list.length === 0 ? undefined : list[ref.i % list.length]);
  const lists: Record<CredentialSource, readonly string[]> = {
    keyProject: keyProject === undefined ? world.projects.map((p) => p.apiKey) : [keyProject],
    project: world.projects.map((p) => p.apiKey),
    vk: world.virtualKeys.map((k) => k.secret),
    vkPrevious: world.virtualKeys.flatMap((k) => (k.previous ?? k.cachedPrevious ? [(k.previous ?? k.cachedPrevious)!.secret] : [])),
    vkRetired: world.virtualKeys.flatMap((k) => k.retired),
    admin: world.apiKeys.map((k) => k.token),
    vine: world.vineKeys.map((k) => k.plaintext),
    unknown: UNKNOWN,
    garbage: GARBAGE,
  };
  const value = pick(lists[ref.from]) ?? UNKNOWN[ref.i % UNKNOWN.length]!;
  return mangle(value, ref.mangle);
}

const hex = (char: string) => [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

export function mangle(value: string, how: Mangle): string {
  switch (how) {
    case 'none':
      return value;
    case 'pctOne':
      return hex(value[0] ?? '') + value.slice(1);
    case 'pctAll':
      return [...value].map(hex).join('');
    case 'pctTwice':
      return [...value].map(hex).join('').replaceAll('%', '%25');
    case 'upper':
      return value.toUpperCase();
    case 'inner':
      return innerPart(value);
    case 'tail':
      return `${value}x`;
  }
}

/** The random part of a credential: what follows its public prefix (sk-lw-, lw_vk_live_, vine_test_). */
export function innerPart(credential: string): string {
  const prefix = /^(sk-lw-|lw_vk_(live|test)_|vine_(live|test)_)/.exec(credential)?.[0] ?? '';
  return credential.slice(prefix.length);
}

/** Whether a credential may appear in a header value as sent (latin1 bytes, no controls). */
export const headerSafe = (value: string): boolean => /^[\x20-\x7e\xa0-\xff]*$/.test(value);

const PIECE = 12;

/**
 * What the mocks promise never to show (docs/server.md, "Credentials in the journal, logs and
 * errors"): a known credential whole, or any 12 consecutive characters of its random part, in
 * any case, however often percent-encoded. `prefixedOnly` credentials (another mock's, for MSW
 * journals) are promised only whole.
 */
export function createLeakFinder(full: readonly string[], prefixedOnly: readonly string[] = []) {
  const pieces = new Map<string, string>();
  for (const credential of full) {
    const inner = innerPart(credential).toLowerCase();
    for (let i = 0; i + PIECE <= inner.length; i++) pieces.set(inner.slice(i, i + PIECE), credential);
  }
  const whole = [...full, ...prefixedOnly].filter((c) => c.length >= PIECE).map((c) => c.toLowerCase());
  return (text: string): string | undefined => {
    for (const form of decodings(text)) {
      const lower = form.toLowerCase();
      for (const credential of whole) if (lower.includes(credential)) return credential;
      for (let i = 0; i + PIECE <= lower.length; i++) {
        const hit = pieces.get(lower.slice(i, i + PIECE));
        if (hit) return hit;
      }
    }
    return undefined;
  };
}

/** The text, then percent-decoded again and again (each escape on its own, so a malformed one does not stop the rest; credentials are ASCII). */
function decodings(text: string): string[] {
  const forms = [text];
  for (let i = 0; i < 4; i++) {
    const last = forms[forms.length - 1]!;
    const next = last.replace(/%[0-9a-f]{2}/gi, (escape) => String.fromCharCode(parseInt(escape.slice(1), 16)));
    if (next === last) break;
    forms.push(next);
  }
  return forms;
}
