// Instants as the control plane accepts them: an RFC 3339 date-time (the ISO 8601 profile that
// JSON APIs use), with seconds and an explicit offset, on a real calendar date. Date.parse is
// not used: it accepts "2030", "1/2/2030" and RFC 1123 dates, rolls 2030-02-30 over to
// March 2, and reads a value without an offset in the machine's time zone, so the same request
// would mean different instants on different machines.

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const ISO_INSTANT_EXAMPLE = '2030-03-07T10:00:00Z or 2030-03-07T11:00:00+01:00';

export type IsoInstant = { ok: true; epochMs: number } | { ok: false; reason: string };

/** Epoch ms of an RFC 3339 date-time; fractions beyond milliseconds are truncated. */
export function parseIsoInstant(text: string): IsoInstant {
  const parts = FORMAT.exec(text);
  if (!parts) return { ok: false, reason: `is not an ISO 8601 date-time with seconds and an offset (e.g. ${ISO_INSTANT_EXAMPLE})` };
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fraction = parts[7] ?? '';
  const [sign, offsetHours, offsetMinutes] = [parts[8], Number(parts[9] ?? 0), Number(parts[10] ?? 0)];
  if (month < 1 || month > 12) return { ok: false, reason: `has no month ${parts[2]}` };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { ok: false, reason: `is not a date: ${MONTHS[month - 1]} ${parts[1]} has ${days} days` };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `is not a time of day: ${parts[4]}:${parts[5]}:${parts[6]} (00:00:00 to 23:59:59)` };
  if (offsetHours > 23 || offsetMinutes > 59) return { ok: false, reason: `has an offset out of range: ${sign}${parts[9]}:${parts[10]}` };
  // setUTCFullYear, not Date.UTC: Date.UTC maps the years 0 to 99 to 1900 to 1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Number(fraction.slice(0, 3).padEnd(3, '0')));
  const offsetMs = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return { ok: true, epochMs: date.getTime() - offsetMs };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
