// Per-attempt timeout and caller cancellation, with setTimeout + AbortController only
// (so fake timers drive them, and they run in browsers and edge runtimes).

/** The abort reason of an attempt that ran out of time. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * Runs `work` with a signal that aborts when the caller aborts (reason: the caller's)
 * or after `timeoutMs` (reason: TIMED_OUT), and rejects with that reason at once,
 * so even a custom fetch that ignores its signal cannot outlive either.
 */
export async function withDeadline<T>(caller: AbortSignal | undefined, timeoutMs: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const { signal } = controller;
  const onCallerAbort = () => controller.abort(caller?.reason);
  const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
  try {
    return await new Promise<T>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason));
      if (caller?.aborted) return onCallerAbort();
      caller?.addEventListener('abort', onCallerAbort);
      work(signal).then(resolve, reject);
    });
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', onCallerAbort);
  }
}

/** Waits `ms`, or rejects with the caller's reason when it aborts first: a deadline with nothing to do. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return withDeadline(signal, ms, () => new Promise<never>(() => {})).catch((reason: unknown) => {
    if (reason !== TIMED_OUT) throw reason;
  });
}
