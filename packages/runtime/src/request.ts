// One client call: attempts with a per-attempt timeout, classification of failures,
// and retries where the operation's policy allows them.
import { TIMED_OUT, sleep, withDeadline } from './abort.js';
import { ApiConnectionError, ApiError, ApiTimeoutError, type RequestFacts } from './errors.js';
import { provesNeverSent } from './never-sent.js';
import { checkMaxRetries, checkTimeout, type CallOptions, type ResolvedTransportOptions } from './options.js';
import type { Redactor } from './redact.js';
import { acceptBody, connectionProblem, errorFromResponse, type ConnectionProblem, type ReadErrorEnvelope } from './response.js';
import { isRetryable, retryDelayMs, type FailureFacts, type RetryPolicy } from './retry.js';

export interface RequestContext extends ResolvedTransportOptions {
  redact: Redactor;
  readErrorEnvelope: ReadErrorEnvelope;
}

export interface OperationCall<T> {
  /** operationId from the spec, as errors name it. */
  operation: string;
  /** The client method ("virtualKeys.revoke"), as connection errors name it (default: `operation`). */
  name?: string | undefined;
  /** Path below the base URL, parameters already encoded (path.ts). */
  path: string;
  /** Method, credential header and `redirect: 'error'`: built once per client and operation. */
  init: RequestInit;
  policy: RetryPolicy;
  /** Lets an error on a retry attempt count as success (admin revoke: 409 after a lost response). */
  recoverOnRetry?: (error: ApiError) => T | undefined;
}

/** An answer that is an error, or no answer: a timeout or a connection problem. */
type Failure = { error: ApiError; facts: FailureFacts } | { timeoutMs: number; facts: FailureFacts } | { connection: ConnectionProblem; facts: FailureFacts };

/** Why a failure that retries could have covered was not retried. */
const NOT_RETRIED: Record<RetryPolicy, string | undefined> = {
  idempotent: undefined,
  'unsent-only': 'the request may have reached the server',
};

export async function request<T>(context: RequestContext, call: OperationCall<T>, options: CallOptions = {}): Promise<T> {
  const { signal } = options;
  const timeoutMs = checkTimeout(options.timeoutMs, context.timeoutMs);
  const maxRetries = checkMaxRetries(options.maxRetries, context.maxRetries);
  const url = context.baseUrl + call.path;
  for (let retry = 0; ; retry++) {
    if (signal?.aborted) throw signal.reason;
    const outcome = await attempt(context, url, call.init, signal, timeoutMs);
    let failure: Failure;
    if (!('response' in outcome)) failure = outcome;
    else if (outcome.response.ok) return acceptBody(call.operation, outcome.response, outcome.text, context.validate, context.redact) as T;
    else {
      const error = errorFromResponse(outcome.response, outcome.text, context.readErrorEnvelope, context.redact);
      const recovered = retry > 0 ? call.recoverOnRetry?.(error) : undefined;
      if (recovered !== undefined) return recovered;
      failure = { error, facts: { status: error.status } };
    }
    const retryAfter = 'error' in failure ? failure.error.headers.get('retry-after') : undefined;
    const retryable = isRetryable(call.policy, failure.facts);
    const delay = retry < maxRetries && retryable ? retryDelayMs(retry, retryAfter, Date.now(), Math.random) : undefined;
    if (delay === undefined) {
      if ('error' in failure) throw failure.error;
      const facts: RequestFacts = {
        operation: call.name ?? call.operation,
        method: call.init.method ?? 'GET',
        url: context.redact(url),
        attempts: retry + 1,
        notRetried: retry < maxRetries && !retryable ? NOT_RETRIED[call.policy] : undefined,
      };
      if ('timeoutMs' in failure) throw new ApiTimeoutError(failure.timeoutMs, { request: facts });
      throw new ApiConnectionError(failure.connection.problem, { request: facts, cause: failure.connection.cause });
    }
    await sleep(delay, signal);
  }
}

/**
 * Runs one attempt, the body read included; a caller abort rethrows the caller's reason,
 * any other failure is returned classified. fetch gets the URL and init as they are, like
 * a plain `fetch(url, init)`: building a Request here would make fetch copy it again.
 */
async function attempt(
  context: RequestContext,
  url: string,
  init: RequestInit,
  caller: AbortSignal | undefined,
  timeoutMs: number,
): Promise<{ response: Response; text: string } | Failure> {
  try {
    return await withDeadline(caller, timeoutMs, async (signal) => {
      const response = await context.fetch(url, { ...init, signal });
      return { response, text: await response.text() };
    });
  } catch (cause) {
    if (caller?.aborted) throw caller.reason;
    if (cause === TIMED_OUT) return { timeoutMs, facts: {} };
    return { connection: connectionProblem(cause, context.redact), facts: { neverSent: provesNeverSent(cause) } };
  }
}
