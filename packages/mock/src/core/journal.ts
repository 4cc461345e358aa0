// A bounded record of the requests a mock answered, with credentials redacted. Bounded in entries
// and in bytes: a URL is redacted when the entry is written (what is known then is what a reader
// would be shown; a credential that leaves the mocks later cannot reappear), then cut to
// MAX_JOURNAL_URL characters, so that a journal full of 15 kB URLs holds no more than one of short ones.
import type { Redactor } from './redact.js';

export interface JournalEntry {
  method: string;
  url: string;
  operationId: string;
  /** 0 when the mock dropped the connection. */
  status: number;
  /** ISO 8601, by the mock clock. */
  at: string;
}

/** What record() takes, and keeps: `at` in epoch ms, formatted only when read; `url` as sent (redacted and cut in place). */
export type JournalInput = Omit<JournalEntry, 'at'> & { at: number };

export interface Journal {
  record(entry: JournalInput): void;
  entries(): JournalEntry[];
  clear(): void;
}

/** Longer URLs are kept cut, ending with "…[cut: <length> characters]". */
export const MAX_JOURNAL_URL = 512;

/** `redactor` decides what a URL shows: the credentials it knows redacted. */
export function createJournal(capacity: number | undefined, redactor: Redactor): Journal {
  capacity ??= 1000;
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('journal capacity must be a positive integer');
  // Ring buffer: once full, each new entry overwrites the oldest. `at` is formatted only when read.
  const ring: JournalInput[] = [];
  let next = 0;
  return {
    record(entry) {
      entry.url = keptUrl(entry.url, redactor); // the caller hands over a new object
      if (ring.length < capacity) ring.push(entry);
      else ring[next] = entry;
      next = (next + 1) % capacity;
    },
    entries() {
      const ordered = ring.length < capacity ? ring : [...ring.slice(next), ...ring.slice(0, next)];
      return ordered.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() }));
    },
    clear() {
      ring.length = 0;
      next = 0;
    },
  };
}

/** Redacted whole, then cut: a cut first could leave a credential too short to recognise. */
function keptUrl(url: string, redactor: Redactor): string {
  const redacted = redactor.redact(url);
  if (url.length <= MAX_JOURNAL_URL) return redacted;
  // Copies, not slices: a sliced string would keep the whole URL alive.
  if (redacted.length <= MAX_JOURNAL_URL) return copyOf(redacted);
  return `${copyOf(redacted.slice(0, MAX_JOURNAL_URL))}…[cut: ${url.length} characters]`;
}

const copyOf = (text: string): string => JSON.parse(JSON.stringify(text)) as string;
