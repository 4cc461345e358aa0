// Runs a promise to completion under fake setTimeout, so client backoffs, timeouts and
// injected delays take no real time. Only timers are faked: Date stays real.
import { vi } from 'vitest';

export async function withFakeTimers<T>(run: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    const promise = run();
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let step = 0; !settled && step < 10_000; step++) await vi.advanceTimersByTimeAsync(50);
    return await promise;
  } finally {
    vi.useRealTimers();
  }
}
