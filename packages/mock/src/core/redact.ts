// Credentials out of everything the mocks write down: journal URLs, log lines, error messages.
// Which texts are credentials is the products' business: their formats (credential-formats.ts,
// redacted in every mock's output) and what each mock minted (its secret source). This module
// only cuts, decodes and asks.
// Text is cut into components at anything a credential cannot contain ("/", "?", "=", spaces,
// quotes…). Each component is judged in the form the router sees and beyond: percent-decoded
// until nothing changes (so "%76ine_live_…" and a doubly encoded form are caught) and
// case-folded. A component that holds a credential is replaced whole by "[redacted]": one in a
// known format, or MIN_FRAGMENT or more consecutive characters of a credential the mock minted
// (so an admin token without its "sk-lw-" prefix, either half of it, or a secret split in two).
import { KNOWN_CREDENTIAL_FORMATS } from './credential-formats.js';
import { fragmentKeys } from './fragments.js';
import type { SecretSource } from './secrets.js';

/** Characters a component may hold; every other one separates components. */
const SEPARATORS = /([^A-Za-z0-9%_.~+-]+)/;
const MARK = '[redacted]';

export interface Redactor {
  redact(text: string): string;
}

/** Redacts every product's credential formats and every credential the sources hold, whole or in part, however encoded or cased. */
export function createRedactor(sources: readonly SecretSource[]): Redactor {
  return { redact: (text) => redactWith(text, sources) };
}

function redactWith(text: string, sources: readonly SecretSource[]): string {
  const parts = text.split(SEPARATORS);
  let changed = false;
  for (let i = 0; i < parts.length; i += 2) {
    if (holdsCredential(parts[i]!, sources)) {
      parts[i] = MARK;
      changed = true;
    }
  }
  return changed ? parts.join('') : text;
}

function holdsCredential(component: string, sources: readonly SecretSource[]): boolean {
  if (component.length < 7) return false; // no format is shorter ("sk-lw-x"), and decoding only shortens
  const plain = decodeFully(component);
  if (KNOWN_CREDENTIAL_FORMATS.some((format) => format.test(plain))) return true;
  return fragmentKeys(plain).some((key) => sources.some((source) => source.hasFragment(key)));
}

/** Percent-decoding byte by byte, repeated until stable: credentials are ASCII, so bytes are enough. */
function decodeFully(text: string): string {
  let current = text;
  for (let round = 0; round < 8 && current.includes('%'); round++) {
    const next = current.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    if (next === current) break;
    current = next;
  }
  return current;
}
