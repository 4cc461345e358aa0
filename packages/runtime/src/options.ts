// Options shared by both clients: defaults and validation. Invalid values throw at
// construction (or at the call, for per-call options) rather than misbehave later.
import type { ResponseValidator, ResponseValidators } from './validation.js';

/**
 * A fetch-compatible function. The clients' methods call it as `fetch(url, init)`, the raw
 * openapi-fetch clients as `fetch(request)`; `init.signal` aborts on timeout or caller abort.
 */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

// Every option also takes undefined, read as "not given": an app compiled with
// exactOptionalPropertyTypes can pass `{ timeoutMs: config.timeoutMs }` as it is.
export interface TransportOptions {
  /** Service root; a path prefix is kept (`http://localhost:4010/langwatch`). */
  baseUrl?: string | undefined;
  /** fetch implementation; defaults to the global fetch, looked up at call time. */
  fetch?: FetchLike | undefined;
  /** Per-attempt timeout in milliseconds. Default 60 000. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt, for operations that may be retried. Default 2. */
  maxRetries?: number | undefined;
}

/** What the runtime needs to know of the client it configures. */
export interface ClientInfo {
  api: string;
  defaultBaseUrl: string;
  /** Where the app gets this client's validators, for messages: "langwatchValidators from '@revokit/langwatch/validators'". */
  validators: string;
}

export interface CallOptions {
  /** Aborting rejects the call with `signal.reason`. */
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
}

export interface ResolvedTransportOptions {
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs: number;
  maxRetries: number;
  /** Present only when the app passed validators. */
  validate: ResponseValidator | undefined;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;
// setTimeout fires at once for delays above 2^31-1 ms.
const MAX_TIMEOUT_MS = 2_147_483_647;

type ClientOptions = TransportOptions & { validators?: ResponseValidators | undefined; validateResponses?: unknown };

export function resolveTransportOptions(options: ClientOptions, client: ClientInfo): ResolvedTransportOptions {
  return {
    ...resolveConnection(options, client.defaultBaseUrl),
    timeoutMs: checkTimeout(options.timeoutMs, DEFAULT_TIMEOUT_MS),
    maxRetries: checkMaxRetries(options.maxRetries, DEFAULT_MAX_RETRIES),
    validate: checkValidators(options, client),
  };
}

/** Base URL and fetch: all the raw openapi-fetch clients take. */
export function resolveConnection(options: Pick<TransportOptions, 'baseUrl' | 'fetch'>, defaultBaseUrl: string): Pick<ResolvedTransportOptions, 'baseUrl' | 'fetch'> {
  const custom = options.fetch;
  return {
    baseUrl: checkBaseUrl(options.baseUrl ?? defaultBaseUrl),
    // Resolved per call, so MSW interception or a later stub of globalThis.fetch applies.
    fetch: (input, init) => (custom ?? globalThis.fetch)(input, init),
  };
}

function checkValidators({ validators, validateResponses }: ClientOptions, client: ClientInfo): ResponseValidator | undefined {
  // 0.1.0 loaded the schemas by import(), which bundlers without code splitting inline.
  if (validateResponses != null && validateResponses !== false) {
    throw new TypeError(`validateResponses is gone: pass validators: ${client.validators}`);
  }
  if (validators === undefined) return undefined;
  if (validators?.api !== client.api || typeof validators.validate !== 'function') {
    throw new TypeError(`validators must be ${client.validators}`);
  }
  return validators.validate;
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
