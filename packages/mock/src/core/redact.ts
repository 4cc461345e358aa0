// Credentials out of everything the mocks write down: journal URLs, log lines, error messages.
// Text is cut into components at anything a credential cannot contain ("/", "?", "=", spaces,
// quotes…). Each component is judged in the form the router sees and beyond: percent-decoded
// until nothing changes (so "%76ine_live_…" and a doubly encoded form are caught) and
// case-folded. A component that holds a credential is replaced whole by "[redacted]": one in a
// known format, or MIN_FRAGMENT or more consecutive characters of a credential the mock minted
// (so an admin token without its "sk-lw-" prefix, either half of it, or a secret split in two).
import type { SecretSource } from './secrets.js';

const CREDENTIAL_FORMAT = /sk-lw-[a-z0-9_]+|lw_vk_(?:live|test)_[0-9a-z]+|vine_(?:live|test)_[0-9a-z]+/i;
/** Characters a component may hold; every other one separates components. */
const SEPARATORS = /([^A-Za-z0-9%_.~+-]+)/;
/** Shorter runs are no secret: the public prefixes (display_prefix, keyPrefix) show at most 7 random characters. */
export const MIN_FRAGMENT = 12;
const MARK = '[redacted]';

/** Redacts credentials in the known formats, however encoded or cased. */
export function redactCredentials(text: string): string {
  return redactWith(text, NO_FRAGMENTS);
}

export interface Redactor {
  redact(text: string): string;
}

/** Redacts the known formats and every credential the sources hold, whole or in part. */
export function createRedactor(sources: readonly SecretSource[]): Redactor {
  let indexed = '';
  let fragments: ReadonlySet<string> = NO_FRAGMENTS;
  return {
    redact(text) {
      const versions = sources.map((source) => source.version).join(',');
      if (versions !== indexed) {
        fragments = fragmentsOf(sources);
        indexed = versions;
      }
      return redactWith(text, fragments);
    },
  };
}

const NO_FRAGMENTS: ReadonlySet<string> = new Set();

/** Every MIN_FRAGMENT-long window of every alphanumeric run of every credential, case-folded. */
function fragmentsOf(sources: readonly SecretSource[]): Set<string> {
  const fragments = new Set<string>();
  for (const source of sources) {
    for (const credential of source.credentials()) {
      for (const run of alphanumericRuns(credential.toLowerCase())) {
        for (let i = 0; i + MIN_FRAGMENT <= run.length; i++) fragments.add(run.slice(i, i + MIN_FRAGMENT));
      }
    }
  }
  return fragments;
}

function redactWith(text: string, fragments: ReadonlySet<string>): string {
  const parts = text.split(SEPARATORS);
  let changed = false;
  for (let i = 0; i < parts.length; i += 2) {
    if (holdsCredential(parts[i]!, fragments)) {
      parts[i] = MARK;
      changed = true;
    }
  }
  return changed ? parts.join('') : text;
}

function holdsCredential(component: string, fragments: ReadonlySet<string>): boolean {
  if (component.length < 7) return false; // "sk-lw-x" is the shortest match, and decoding only shortens
  const plain = decodeFully(component).toLowerCase();
  if (CREDENTIAL_FORMAT.test(plain)) return true;
  if (fragments.size === 0) return false;
  for (const run of alphanumericRuns(plain)) {
    for (let i = 0; i + MIN_FRAGMENT <= run.length; i++) {
      if (fragments.has(run.slice(i, i + MIN_FRAGMENT))) return true;
    }
  }
  return false;
}

const RUN = new RegExp(`[0-9a-z]{${MIN_FRAGMENT},}`, 'g');
const alphanumericRuns = (text: string): string[] => text.match(RUN) ?? [];

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
