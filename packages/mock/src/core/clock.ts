// The mocks' only source of time. In "system" mode it follows Date.now() (so vitest's fake
// timers move it too) plus an offset; in "frozen" mode it moves only through advance/set.
export type ClockMode = 'system' | 'frozen';

export interface MockClock {
  now(): number;
  /** Moves time forward by `ms` (>= 0). */
  advance(ms: number): void;
  /** Jumps to an absolute epoch time in ms. */
  set(epochMs: number): void;
  /** Stops time at `atEpochMs` (default: now) until `unfreeze()`. */
  freeze(atEpochMs?: number): void;
  /** Lets time flow again from where it stood. */
  unfreeze(): void;
  readonly frozen: boolean;
  /** How far the clock is from Date.now(). */
  readonly offsetMs: number;
  /** Back to the mode it was created with, offset zero. */
  reset(): void;
}

export function createClock(initialMode: ClockMode = 'system'): MockClock {
  let offset = 0;
  let frozenAt: number | undefined;
  const now = () => frozenAt ?? Date.now() + offset;
  const clock: MockClock = {
    now,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('clock.advance(ms) needs a finite number >= 0');
      if (frozenAt !== undefined) frozenAt += ms;
      else offset += ms;
    },
    set(epochMs) {
      if (!Number.isFinite(epochMs)) throw new RangeError('clock.set(epochMs) needs a finite number');
      if (frozenAt !== undefined) frozenAt = epochMs;
      else offset = epochMs - Date.now();
    },
    freeze(atEpochMs) {
      if (atEpochMs !== undefined && !Number.isFinite(atEpochMs)) throw new RangeError('clock.freeze(atEpochMs) needs a finite number');
      frozenAt = atEpochMs ?? now();
    },
    unfreeze() {
      if (frozenAt === undefined) return;
      offset = frozenAt - Date.now();
      frozenAt = undefined;
    },
    get frozen() {
      return frozenAt !== undefined;
    },
    get offsetMs() {
      return now() - Date.now();
    },
    reset() {
      offset = 0;
      frozenAt = initialMode === 'frozen' ? Date.now() : undefined;
    },
  };
  clock.reset();
  return clock;
}
