// What the fuzz exercised, counted per (operation, status, deciding rule): printed after a run, so
// that a generator drifting away from the interesting cases (boundaries, revocations) shows.
import type { Expected } from './answer.js';

const counts = new Map<string, number>();

export function countExpected(expected: Expected): void {
  const key =
    expected.kind === 'answer'
      ? `${expected.operation?.id ?? `${expected.envelope} envelope`} ${expected.status}${expected.rule ? ` (${expected.rule})` : ''}`
      : expected.kind === 'network-error'
        ? `${expected.operation.id} network error`
        : 'passed through (unclaimed)';
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The counts so far, one per line, most frequent first; then forgets them. */
export function takeStatistics(): string {
  const lines = [...counts].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${String(count).padStart(6)}  ${key}`);
  counts.clear();
  return lines.join('\n');
}
