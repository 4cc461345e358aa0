// A bounded record of the requests a mock answered, with credentials redacted.
import { redactCredentials } from './redact.js';

export interface JournalEntry {
  method: string;
  url: string;
  operationId: string;
  /** 0 when the mock dropped the connection. */
  status: number;
  /** ISO 8601, by the mock clock. */
  at: string;
}

export interface Journal {
  record(entry: JournalEntry): void;
  entries(): JournalEntry[];
  clear(): void;
}

export function createJournal(capacity = 1000): Journal {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('journal capacity must be a positive integer');
  // Ring buffer: once full, each new entry overwrites the oldest.
  const ring: JournalEntry[] = [];
  let next = 0;
  return {
    record(entry) {
      const safe = { ...entry, url: redactCredentials(entry.url) };
      if (ring.length < capacity) ring.push(safe);
      else ring[next] = safe;
      next = (next + 1) % capacity;
    },
    entries() {
      return ring.length < capacity ? ring.slice() : [...ring.slice(next), ...ring.slice(0, next)];
    },
    clear() {
      ring.length = 0;
      next = 0;
    },
  };
}
