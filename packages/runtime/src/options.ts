// Options shared by both clients: defaults and validation. Invalid values throw at
// construction (or at the call, for per-call options) rather than misbehave later.

export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** Service root; a path prefix is kept (`http://localhost:4010/langwatch`). */
  baseUrl?: string;
  /** fetch implementation; defaults to the global fetch, looked up at call time. */
  fetch?: FetchLike;
  /** Per-attempt timeout in milliseconds. Default 60 000. */
  timeoutMs?: number;
  /** Retries after the first attempt, for operations that may be retried. Default 2. */
  maxRetries?: number;
  /** Check every 2xx body against the spec's schema (loads zod on first use). Default false. */
  validateResponses?: boolean;
}

export interface CallOptions {
  /** Aborting rejects the call with `signal.reason`. */
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
}

export interface ResolvedTransportOptions {
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs: number;
  maxRetries: number;
  validateResponses: boolean;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;
// setTimeout fires at once for delays above 2^31-1 ms.
const MAX_TIMEOUT_MS = 2_147_483_647;

export function resolveTransportOptions(options: TransportOptions, defaultBaseUrl: string): ResolvedTransportOptions {
  const custom = options.fetch;
  return {
    baseUrl: checkBaseUrl(options.baseUrl ?? defaultBaseUrl),
    // Resolved per call, so MSW interception or a later stub of globalThis.fetch applies.
    fetch: (input, init) => (custom ?? globalThis.fetch)(input, init),
    timeoutMs: checkTimeout(options.timeoutMs, DEFAULT_TIMEOUT_MS),
    maxRetries: checkMaxRetries(options.maxRetries, DEFAULT_MAX_RETRIES),
    validateResponses: options.validateResponses === true,
  };
}

export function checkTimeout(value: unknown, fallback: number): number {
  return checkNumber(value, fallback, (n) => n > 0 && n <= MAX_TIMEOUT_MS, `timeoutMs must be a number of milliseconds, 1 to ${MAX_TIMEOUT_MS}`);
}

export function checkMaxRetries(value: unknown, fallback: number): number {
  return checkNumber(value, fallback, (n) => Number.isInteger(n) && n >= 0, 'maxRetries must be a non-negative integer');
}

function checkNumber(value: unknown, fallback: number, valid: (n: number) => boolean, message: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !valid(value)) throw new RangeError(message);
  return value;
}

function checkBaseUrl(value: string): string {
  // The value is not quoted back: a mistyped URL may embed a credential. A query or
  // fragment would end up in front of the operation path.
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new TypeError('baseUrl must be an absolute http(s) URL without credentials, query or fragment');
  }
  return url.href.replace(/\/+$/, '');
}
