// Times, durations and masked secrets as the page shows them. The mock's time is UTC.

/** Full precision, for tooltips and anything a test compares: 2025-01-02T03:04:05.678Z. */
export const exactTime = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString() : 'an unknown time');

/** Compact, for labels: 2025-01-02 03:04:05 UTC. */
export const shortTime = (ms: number): string => (Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC` : 'an unknown time');

const UNITS: ReadonlyArray<[string, number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1_000],
  ['ms', 1],
];

/** 90061001 → "1 d 1 h 1 min 1 s 1 ms"; 0 → "0 ms". Negative values get a minus sign. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0 ms';
  let rest = Math.abs(Math.round(ms));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count} ${unit}`);
    rest -= count * size;
  }
  return `${ms < 0 ? '−' : ''}${parts.join(' ')}`;
}

/** "in 3 h 2 min" / "5 s ago" / "now", from `now`. */
export function relative(at: number, now: number): string {
  if (at === now) return 'now';
  return at > now ? `in ${formatDuration(at - now)}` : `${formatDuration(now - at)} ago`;
}

const DURATION = /^(?:\s*\d+(?:\.\d+)?\s*(?:ms|min|s|m|h|d)(?![a-z]))+\s*$/i;
const DURATION_PART = /(\d+(?:\.\d+)?)\s*(ms|min|s|m|h|d)(?![a-z])/gi;
const FACTOR: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * "90s", "1h 30m", "1.5h", "86399999ms" or a bare number of milliseconds → whole milliseconds.
 * Returns a message instead when the text is not a duration.
 */
export function parseDuration(text: string): number | { error: string } {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (!DURATION.test(trimmed)) return { error: `"${trimmed.slice(0, 40)}" is not a duration (e.g. 90s, 1h 30m, 500ms)` };
  let total = 0;
  for (const [, count, unit] of trimmed.matchAll(DURATION_PART)) total += Number(count) * FACTOR[unit!.toLowerCase()]!;
  return Math.round(total);
}

/** Keeps what the API itself shows publicly (a display prefix) and hides the rest. */
export function mask(secret: string, visiblePrefix: number): string {
  return `${secret.slice(0, visiblePrefix)}${'•'.repeat(8)}`;
}
