// One client call: attempts with a per-attempt timeout, classification of failures,
// and retries where the operation's policy allows them.
import { TIMED_OUT, sleep, withDeadline } from './abort.js';
import { ApiError, ApiTimeoutError, type RevokitError } from './errors.js';
import { provesNeverSent } from './never-sent.js';
import { checkMaxRetries, checkTimeout, type CallOptions } from './options.js';
import type { Redactor } from './redact.js';
import { acceptBody, connectionError, errorFromResponse, type ReadErrorEnvelope } from './response.js';
import { isRetryable, retryDelayMs, type FailureFacts, type RetryPolicy } from './retry.js';
import type { ResponseValidator } from './validation.js';

export interface RequestContext {
  timeoutMs: number;
  maxRetries: number;
  redact: Redactor;
  readErrorEnvelope: ReadErrorEnvelope;
  /** Present only with `validateResponses: true`; loads the schemas on first use. */
  loadValidator: (() => Promise<ResponseValidator>) | undefined;
}

export interface OperationCall<T> {
  /** operationId from the spec, as errors name it. */
  operation: string;
  policy: RetryPolicy;
  /** Lets an error on a retry attempt count as success (admin revoke: 409 after a lost response). */
  recoverOnRetry?: (error: ApiError) => T | undefined;
}

/** The openapi-fetch call for one attempt. */
export type Send = (init: { signal: AbortSignal; parseAs: 'text' }) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

interface Failure {
  error: RevokitError;
  facts: FailureFacts;
}

export async function request<T>(context: RequestContext, call: OperationCall<T>, send: Send, options: CallOptions = {}): Promise<T> {
  const { signal } = options;
  const timeoutMs = checkTimeout(options.timeoutMs, context.timeoutMs);
  const maxRetries = checkMaxRetries(options.maxRetries, context.maxRetries);
  for (let retry = 0; ; retry++) {
    if (signal?.aborted) throw signal.reason;
    const outcome = await attempt(context, send, signal, timeoutMs);
    let failure: Failure;
    if ('error' in outcome) failure = outcome;
    else if (outcome.response.ok) {
      const validator = await context.loadValidator?.();
      return acceptBody(call.operation, outcome.response, outcome.data, validator, context.redact) as T;
    } else {
      const error = errorFromResponse(outcome.response, outcome.errorBody, context.readErrorEnvelope, context.redact);
      const recovered = retry > 0 ? call.recoverOnRetry?.(error) : undefined;
      if (recovered !== undefined) return recovered;
      failure = { error, facts: { status: error.status } };
    }
    const retryAfter = failure.error instanceof ApiError ? failure.error.headers.get('retry-after') : undefined;
    const delay = retry < maxRetries && isRetryable(call.policy, failure.facts) ? retryDelayMs(retry, retryAfter, Date.now(), Math.random) : undefined;
    if (delay === undefined) throw failure.error;
    await sleep(delay, signal);
  }
}

/** Runs one attempt; a caller abort rethrows the caller's reason, any other failure is returned classified. */
async function attempt(
  context: RequestContext,
  send: Send,
  caller: AbortSignal | undefined,
  timeoutMs: number,
): Promise<{ response: Response; data: unknown; errorBody: unknown } | Failure> {
  try {
    const { response, data, error } = await withDeadline(caller, timeoutMs, (signal) => send({ signal, parseAs: 'text' }));
    return { response, data, errorBody: error };
  } catch (cause) {
    if (caller?.aborted) throw caller.reason;
    if (cause === TIMED_OUT) return { error: new ApiTimeoutError(timeoutMs), facts: {} };
    return { error: connectionError(cause, context.redact), facts: { neverSent: provesNeverSent(cause) } };
  }
}
