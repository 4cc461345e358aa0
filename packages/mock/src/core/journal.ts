// A bounded record of the requests a mock answered, with credentials redacted.
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

/** What record() takes: `at` in epoch ms, formatted only when read. */
export type JournalInput = Omit<JournalEntry, 'at'> & { at: number };

export interface Journal {
  record(entry: JournalInput): void;
  entries(): JournalEntry[];
  clear(): void;
}

/** `redactor` decides what a URL shows: the product's credentials redacted. */
export function createJournal(capacity: number | undefined, redactor: Redactor): Journal {
  capacity ??= 1000;
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('journal capacity must be a positive integer');
  // Ring buffer: once full, each new entry overwrites the oldest. Entries are stored as given
  // and redacted and formatted only when read: recording is on every request's path, reading is rare.
  const ring: JournalInput[] = [];
  let next = 0;
  const view = (entry: JournalInput): JournalEntry => ({
    ...entry,
    url: redactor.redact(entry.url),
    at: new Date(entry.at).toISOString(),
  });
  return {
    record(entry) {
      if (ring.length < capacity) ring.push(entry);
      else ring[next] = entry;
      next = (next + 1) % capacity;
    },
    entries() {
      const ordered = ring.length < capacity ? ring : [...ring.slice(next), ...ring.slice(0, next)];
      return ordered.map(view);
    },
    clear() {
      ring.length = 0;
      next = 0;
    },
  };
}
