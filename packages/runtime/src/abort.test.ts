import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TIMED_OUT, sleep, withDeadline } from './abort.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const untilAborted = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));

describe('withDeadline', () => {
  it('resolves with the work and clears its timer', async () => {
    await expect(withDeadline(undefined, 1000, async () => 'done')).resolves.toBe('done');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with TIMED_OUT when the time is up, not a moment before', async () => {
    let seen: AbortSignal | undefined;
    const result = withDeadline(undefined, 1000, (signal) => ((seen = signal), untilAborted(signal)));
    const assertion = expect(result).rejects.toBe(TIMED_OUT);
    await vi.advanceTimersByTimeAsync(999);
    expect(seen?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await assertion;
    expect(seen?.aborted).toBe(true);
  });

  it('times out even when the work ignores its signal', async () => {
    const result = withDeadline(undefined, 50, () => new Promise<never>(() => {}));
    const assertion = expect(result).rejects.toBe(TIMED_OUT);
    await vi.advanceTimersByTimeAsync(50);
    await assertion;
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    const caller = new AbortController();
    const reason = new Error('user cancelled');
    const result = withDeadline(caller.signal, 1000, (signal) => untilAborted(signal));
    caller.abort(reason);
    await expect(result).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an already aborted caller rejects at once, without starting the work', async () => {
    const work = vi.fn(async () => 'never');
    await expect(withDeadline(AbortSignal.abort('early'), 1000, work)).rejects.toBe('early');
    expect(work).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('sleep', () => {
  it('waits the given time', async () => {
    let done = false;
    void sleep(500, undefined).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(499);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it("rejects with the caller's reason on abort, before or during the wait", async () => {
    const caller = new AbortController();
    const waiting = sleep(10_000, caller.signal);
    caller.abort('stop');
    await expect(waiting).rejects.toBe('stop');
    await expect(sleep(10, caller.signal)).rejects.toBe('stop');
    expect(vi.getTimerCount()).toBe(0);
  });
});
