// Turns what openapi-fetch hands back into a value or an error. openapi-fetch is
// called with parseAs "text" on success so a non-JSON 2xx body is ours to report;
// on failure it has already parsed the body as JSON, or left the text.
import { ApiConnectionError, ResponseValidationError, apiErrorFor, type ApiError } from './errors.js';
import { redactHeaders, type Redactor } from './redact.js';
import type { ResponseValidator } from './validation.js';

/** What a product's error body says: LangWatch `{ error, message }`, Vine `{ error: { code, message } }`. */
export interface ErrorEnvelope {
  code?: string | undefined;
  message?: string | undefined;
}
export type ReadErrorEnvelope = (body: unknown) => ErrorEnvelope;

export function errorFromResponse(response: Response, body: unknown, readEnvelope: ReadErrorEnvelope, redact: Redactor): ApiError {
  const safeBody = redact(body);
  const envelope = readEnvelope(safeBody);
  const headers = redactHeaders(response.headers, redact);
  return apiErrorFor({
    status: response.status,
    code: typeof envelope.code === 'string' ? envelope.code : undefined,
    message: (typeof envelope.message === 'string' && envelope.message) || response.statusText || `HTTP ${response.status}`,
    body: safeBody,
    headers,
    requestId: headers.get('x-request-id') ?? undefined,
  });
}

/** Parses a 2xx body, and checks it when a validator is given. */
export function acceptBody(operation: string, response: Response, text: unknown, validator: ResponseValidator | undefined, redact: Redactor): unknown {
  let body: unknown = text;
  let problem: { path: string; problem: string } | undefined;
  if (typeof text !== 'string' || text === '') problem = { path: '', problem: 'empty body, expected JSON' };
  else {
    try {
      body = JSON.parse(text);
    } catch {
      problem = { path: '', problem: 'body is not JSON' };
    }
  }
  problem ??= validator?.(operation, response.status, body);
  if (!problem) return body;
  const headers = redactHeaders(response.headers, redact);
  throw new ResponseValidationError({
    operation,
    status: response.status,
    ...problem,
    body,
    headers,
    requestId: headers.get('x-request-id') ?? undefined,
  });
}

/** A fetch rejection as ApiConnectionError, its cause chain copied with credentials scrubbed. */
export function connectionError(cause: unknown, redact: Redactor): ApiConnectionError {
  const safeCause = sanitizeCause(cause, redact, 0);
  const code = codeOf(cause);
  const detail = safeCause ? `: ${safeCause.message}${code ? ` (${code})` : ''}` : '';
  return new ApiConnectionError(`Connection error${detail}`, { cause: safeCause });
}

// Only name, message and code survive: the original may hold a Request (and so its headers).
function sanitizeCause(cause: unknown, redact: Redactor, depth: number): Error | undefined {
  if (cause === undefined || cause === null || depth > 4) return undefined;
  const source = (typeof cause === 'object' ? cause : { message: String(cause) }) as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  const inner = sanitizeCause(source.cause, redact, depth + 1);
  const copy = new Error(redact(String(source.message ?? '')), inner ? { cause: inner } : undefined);
  if (typeof source.name === 'string') copy.name = source.name;
  if (typeof source.code === 'string') Object.assign(copy, { code: source.code });
  return copy;
}

function codeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
