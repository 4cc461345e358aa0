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
  if (custom !== undefined && typeof custom !== 'function') throw new TypeError('fetch must be a function');
  if (options.validateResponses !== undefined && typeof options.validateResponses !== 'boolean') {
    throw new TypeError('validateResponses must be a boolean');
  }
  return {
    baseUrl: checkBaseUrl(options.baseUrl ?? defaultBaseUrl),
    // Resolved per call, so MSW interception or a later stub of globalThis.fetch applies.
    fetch: (input, init) => (custom ?? globalThis.fetch)(input, init),
    timeoutMs: checkTimeout(options.timeoutMs, DEFAULT_TIMEOUT_MS),
    maxRetries: checkMaxRetries(options.maxRetries, DEFAULT_MAX_RETRIES),
    validateResponses: options.validateResponses ?? false,
  };
}

export function checkTimeout(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0 && value <= MAX_TIMEOUT_MS)) {
    throw new RangeError(`timeoutMs must be a number of milliseconds between 1 and ${MAX_TIMEOUT_MS}`);
  }
  return value;
}

export function checkMaxRetries(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RangeError('maxRetries must be a non-negative integer');
  }
  return value;
}

function checkBaseUrl(value: unknown): string {
  // The value is not quoted back: a mistyped URL may embed a credential.
  let url: URL | undefined;
  try {
    url = new URL(value as string);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new TypeError('baseUrl must be an absolute http(s) URL');
  }
  if (url.username || url.password) throw new TypeError('baseUrl must not contain credentials; use the key options');
  if (url.search || url.hash) throw new TypeError('baseUrl must not have a query or fragment');
  return url.href.replace(/\/+$/, '');
}
