// Test support: every kind of failure a call can meet, and which of them each retry policy
// retries. Client tests cross this table with their methods.
import { vi } from 'vitest';
import { browserFetchFailed, fetchFailed, json, text, type Reply } from './fake-fetch.js';

export const failures: Record<string, () => Reply> = {
  'connection refused': () => fetchFailed('ECONNREFUSED'),
  'DNS failure': () => fetchFailed('ENOTFOUND'),
  'DNS timeout': () => fetchFailed('EAI_AGAIN'),
  'connect timeout': () => fetchFailed('UND_ERR_CONNECT_TIMEOUT'),
  'connection reset': () => fetchFailed('ECONNRESET'),
  'socket closed': () => fetchFailed('UND_ERR_SOCKET', 'other side closed'),
  'browser network error': () => browserFetchFailed(),
  timeout: () => 'hang',
  408: () => json(408, { error: 'timeout' }),
  429: () => json(429, { error: 'rate_limited' }, { 'retry-after': '0' }),
  500: () => json(500, { error: 'Internal server error', message: 'x' }),
  502: () => text(502, '<html>Bad Gateway</html>'),
  503: () => json(503, { error: 'unavailable' }),
  400: () => json(400, { error: { type: 'bad_request', code: 'validation_error', message: 'x' } }),
  401: () => json(401, { error: 'Unauthorized', message: 'Invalid credentials' }),
  403: () => new Response(null, { status: 403 }),
  404: () => json(404, { error: 'Virtual key not found', message: 'Virtual key not found' }),
  409: () => new Response(null, { status: 409 }),
  422: () => json(422, { error: 'Unprocessable Entity', message: 'Required', path: ['name'] }),
};

/** Failures that prove the request never left: every policy retries them. */
export const NEVER_SENT = new Set(['connection refused', 'DNS failure', 'DNS timeout', 'connect timeout']);
/** Failures the `idempotent` policy retries; `unsent-only` retries only NEVER_SENT. */
export const RETRIED_WHEN_IDEMPOTENT = new Set([...NEVER_SENT, 'connection reset', 'socket closed', 'browser network error', 'timeout', '408', '429', '500', '502', '503']);

/** Attempts with maxRetries 2: 3 when the policy retries the failure, 1 when not. */
export function attemptsFor(policy: 'idempotent' | 'unsent-only', failure: string): number {
  return (policy === 'idempotent' ? RETRIED_WHEN_IDEMPOTENT : NEVER_SENT).has(failure) ? 3 : 1;
}

/** Under fake timers: runs every retry wait, then gives the call's rejection (undefined if it resolved). */
export async function rejectionAfterRetries(call: Promise<unknown>): Promise<unknown> {
  const settled = call.then(
    () => undefined,
    (error: unknown) => error,
  );
  await vi.runAllTimersAsync();
  return settled;
}
