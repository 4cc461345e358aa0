// Epoch ms to ISO 8601, exactly as Date#toISOString writes it. Answers format the same few
// instants again and again (a key's createdAt, its revokedAt), and toISOString is slow in V8
// (a Date, then printf): recent results are kept in a small direct-mapped table, and the rest are
// written by integer arithmetic (a list of 1,000 keys has 1,000 instants: toISOString for each was
// most of the list's cost, npm run bench "list virtual keys").

/** What Date#toISOString writes (and what the real services send): milliseconds, always Z. */
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const SLOTS = 64; // a power of two: the slot is the low bits of the instant
const instants = new Float64Array(SLOTS).fill(Number.NaN); // NaN never equals: empty slots never hit
const texts: string[] = new Array<string>(SLOTS).fill('');

export function isoTime(epochMs: number): string {
  const slot = epochMs & (SLOTS - 1);
  if (instants[slot] === epochMs) return texts[slot]!;
  const text = format(epochMs);
  instants[slot] = epochMs;
  texts[slot] = text;
  return text;
}

/** Years 0000 to 9999 are written with four digits; toISOString writes the rest (±YYYYYY) and refuses what is not a time. */
const FIRST = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const LAST = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
const DAY = 86_400_000;
const TWO = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

function format(epochMs: number): string {
  // A time value is an integer: toISOString truncates a fraction (TimeClip).
  const ms = Math.trunc(epochMs);
  if (!(ms >= FIRST && ms <= LAST)) return new Date(epochMs).toISOString();
  const days = Math.floor(ms / DAY);
  let rest = ms - days * DAY;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  // The proleptic Gregorian date of a day number (Howard Hinnant's civil_from_days).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153); // months from March
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${TWO[Math.floor(year / 100)]}${TWO[year % 100]}-${TWO[month]}-${TWO[day]}T${TWO[hours]}:${TWO[minutes]}:${TWO[seconds]}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}
