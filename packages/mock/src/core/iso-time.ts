// Epoch ms to ISO 8601, exactly as Date#toISOString writes it. Answers format the same few
// instants again and again (a key's createdAt, its revokedAt), and toISOString is slow in V8
// (a Date, then printf): recent results are kept in a small direct-mapped table.

/** What Date#toISOString writes (and what the real services send): milliseconds, always Z. */
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const SLOTS = 64; // a power of two: the slot is the low bits of the instant
const instants = new Float64Array(SLOTS).fill(Number.NaN); // NaN never equals: empty slots never hit
const texts: string[] = new Array<string>(SLOTS).fill('');

export function isoTime(epochMs: number): string {
  const slot = epochMs & (SLOTS - 1);
  if (instants[slot] === epochMs) return texts[slot]!;
  const text = new Date(epochMs).toISOString(); // throws RangeError for an invalid time, as before
  instants[slot] = epochMs;
  texts[slot] = text;
  return text;
}
