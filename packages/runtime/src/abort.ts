// Per-attempt timeout and caller cancellation, with setTimeout + AbortController only
// (so fake timers drive them, and they run in browsers and edge runtimes).

/** The abort reason of an attempt that ran out of time. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * Runs `work` with a signal that aborts when the caller aborts (reason: the caller's)
 * or after `timeoutMs` (reason: TIMED_OUT), and rejects with that reason at once,
 * so even a custom fetch that ignores its signal cannot outlive either.
 */
export function withDeadline<T>(caller: AbortSignal | undefined, timeoutMs: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (caller?.aborted) return reject(caller.reason);
    // One controller, one timer and (with a caller signal) one listener per attempt:
    // this runs on every call, so it allocates nothing more.
    const controller = new AbortController();
    const done = () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    };
    const abort = (reason: unknown) => {
      done();
      reject(reason);
      controller.abort(reason);
    };
    const onCallerAbort = () => abort(caller!.reason);
    const timer = setTimeout(abort, timeoutMs, TIMED_OUT);
    caller?.addEventListener('abort', onCallerAbort);
    work(controller.signal).then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}

/** Waits `ms`, or rejects with the caller's reason when it aborts first: a deadline with nothing to do. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return withDeadline(signal, ms, () => new Promise<never>(() => {})).catch((reason: unknown) => {
    if (reason !== TIMED_OUT) throw reason;
  });
}
