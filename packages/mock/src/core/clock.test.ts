import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClock } from './clock.js';

afterEach(() => vi.useRealTimers());

describe('system clock', () => {
  it('follows Date.now(), so fake timers move it', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    const clock = createClock();
    expect(clock.now()).toBe(1_000_000);
    vi.advanceTimersByTime(250);
    expect(clock.now()).toBe(1_000_250);
  });

  it('adds the offset that advance and set apply', () => {
    vi.useFakeTimers();
    vi.setSystemTime(5_000);
    const clock = createClock();
    clock.advance(100);
    expect(clock.now()).toBe(5_100);
    expect(clock.offsetMs).toBe(100);
    clock.set(9_000);
    expect(clock.now()).toBe(9_000);
    clock.reset();
    expect(clock.now()).toBe(5_000);
    expect(clock.offsetMs).toBe(0);
  });

  it('rejects a negative or non-finite advance without moving', () => {
    const clock = createClock('frozen');
    const before = clock.now();
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(() => clock.set(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(clock.now()).toBe(before);
  });
});

describe('frozen clock', () => {
  it('stands still while real time passes, and moves only through advance/set', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000);
    const clock = createClock('frozen');
    vi.advanceTimersByTime(10_000);
    expect(clock.now()).toBe(1_000);
    clock.advance(5);
    expect(clock.now()).toBe(1_005);
    clock.set(42);
    expect(clock.now()).toBe(42);
  });

  it('freeze(at) and unfreeze() keep time continuous', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000);
    const clock = createClock();
    clock.freeze(50_000);
    expect(clock.frozen).toBe(true);
    vi.advanceTimersByTime(700);
    expect(clock.now()).toBe(50_000);
    clock.unfreeze();
    expect(clock.frozen).toBe(false);
    expect(clock.now()).toBe(50_000);
    vi.advanceTimersByTime(10);
    expect(clock.now()).toBe(50_010);
  });

  it('reset() returns to the mode the clock was created with', () => {
    const frozen = createClock('frozen');
    frozen.unfreeze();
    frozen.reset();
    expect(frozen.frozen).toBe(true);
    const system = createClock();
    system.freeze();
    system.reset();
    expect(system.frozen).toBe(false);
  });
});
