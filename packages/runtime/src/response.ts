// Turns what openapi-fetch hands back into a value or an error. openapi-fetch is
// called with parseAs "text" on success so a non-JSON 2xx body is ours to report;
// on failure it has already parsed the body as JSON, or left the text.
import { ApiConnectionError, ResponseValidationError, apiErrorFor, type ApiError } from './errors.js';
import { causeChain } from './cause-chain.js';
import { redactHeaders, type Redactor } from './redact.js';
import type { ResponseValidator } from './validation.js';

/**
 * Where a product's error body keeps its code and message: LangWatch `{ error, message }`,
 * Vine `{ error: { code, message } }`. Values are only used when they are strings.
 */
export interface ErrorEnvelope {
  code?: unknown;
  message?: unknown;
}
export type ReadErrorEnvelope = (body: any) => ErrorEnvelope | undefined;

export function errorFromResponse(response: Response, body: unknown, readEnvelope: ReadErrorEnvelope, redact: Redactor): ApiError {
  const safeBody = body === '' ? undefined : redact(body); // openapi-fetch reads an empty body as ''
  const envelope = (typeof safeBody === 'object' && safeBody !== null && readEnvelope(safeBody)) || {};
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
  try {
    body = JSON.parse(text as string); // openapi-fetch leaves an empty body undefined: not JSON either
  } catch {
    problem = { path: '', problem: 'body is not JSON' };
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
  // Only name, message and code survive: the original may hold a Request (and so its headers).
  const chain = causeChain(cause);
  const safeCause = chain.reduceRight<Error | undefined>((inner, link) => {
    const copy = new Error(redact(String(link.message ?? '')), inner && { cause: inner });
    if (typeof link.name === 'string') copy.name = link.name;
    return Object.assign(copy, typeof link.code === 'string' ? { code: link.code } : {});
  }, undefined);
  const code = chain.find((link) => typeof link.code === 'string')?.code;
  return new ApiConnectionError(`Connection error${safeCause ? `: ${safeCause.message}${code ? ` (${code})` : ''}` : ''}`, { cause: safeCause });
}
