// When to retry and how long to wait. Pure functions: the loop in request.ts feeds
// them the clock and the random source, tests feed them boundaries.

/**
 * `idempotent`: repeating the request is harmless (revoke), so retry on connection
 * errors, timeouts, 408, 429 and 5xx.
 * `unsent-only`: a repeat would have a second effect (rotate mints another secret),
 * so retry only when the request provably never left the client.
 */
export type RetryPolicy = 'idempotent' | 'unsent-only';

export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8_000;
/** A Retry-After beyond this is not waited for: the call fails with the error carrying it. */
export const MAX_RETRY_AFTER_MS = 60_000;

export interface FailureFacts {
  /** HTTP status, or undefined when no response arrived (connection error, timeout). */
  status?: number | undefined;
  /** The request provably never reached the network (see never-sent.ts). */
  neverSent?: boolean;
}

export function isRetryable(policy: RetryPolicy, failure: FailureFacts): boolean {
  if (failure.neverSent) return true;
  if (policy !== 'idempotent') return false;
  const { status } = failure;
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

/** Exponential backoff (500 ms, 1 s, 2 s … capped at 8 s) less up to 25 % jitter. `retry` counts from 0. */
export function backoffMs(retry: number, random: () => number): number {
  const ceiling = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retry, MAX_RETRY_DELAY_MS);
  return Math.round(ceiling * (1 - random() * 0.25));
}

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP-date. Undefined when absent or unreadable. */
export function parseRetryAfterMs(header: string | null | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  // Digits first: Date.parse would read "120" as the year 120. Every HTTP-date form
  // has an hh:mm:ss time; requiring one keeps Date.parse's leniency ("-1") out.
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = /\d\d:\d\d:\d\d/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Delay before retry number `retry` (from 0); undefined means do not retry (the server asks for too long a wait). */
export function retryDelayMs(retry: number, retryAfter: string | null | undefined, now: number, random: () => number): number | undefined {
  const asked = parseRetryAfterMs(retryAfter, now);
  if (asked === undefined) return backoffMs(retry, random);
  return asked <= MAX_RETRY_AFTER_MS ? asked : undefined;
}
