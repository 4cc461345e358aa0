// Turns a response (its body already read as text) into a value or an error.
import { ResponseValidationError, apiErrorFor, type ApiError } from './errors.js';
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

export function errorFromResponse(response: Response, text: string, readEnvelope: ReadErrorEnvelope, redact: Redactor): ApiError {
  const safeBody = text === '' ? undefined : redact(parseJson(text, text));
  const envelope = (typeof safeBody === 'object' && safeBody !== null && readEnvelope(safeBody)) || {};
  const headers = redactHeaders(response.headers, redact);
  return apiErrorFor({
    status: response.status,
    code: typeof envelope.code === 'string' ? envelope.code : undefined,
    // The reason phrase is the server's text too: it may echo a key (`401 Bad key sk-lw-…`).
    message: (typeof envelope.message === 'string' && envelope.message) || redact(response.statusText) || `HTTP ${response.status}`,
    body: safeBody,
    headers,
    requestId: headers.get('x-request-id') ?? undefined,
  });
}

/** Parses a 2xx body, and checks it when the app passed validators. */
export function acceptBody(operation: string, response: Response, text: string, validator: ResponseValidator | undefined, redact: Redactor): unknown {
  const body = parseJson(text, NOT_JSON); // an empty body is not JSON either
  const problem = body === NOT_JSON ? { path: '', problem: 'body is not JSON' } : validator?.(operation, response.status, body);
  if (!problem) return body;
  const headers = redactHeaders(response.headers, redact);
  throw new ResponseValidationError({
    operation,
    status: response.status,
    // A path names the body's keys, which a server may have made of a credential.
    path: redact(problem.path),
    problem: redact(problem.problem),
    body: body === NOT_JSON ? text : body,
    headers,
    requestId: headers.get('x-request-id') ?? undefined,
  });
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string, otherwise: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return otherwise;
  }
}

/** A fetch rejection, described, its cause chain copied with credentials scrubbed (request.ts makes it an ApiConnectionError). */
/** What went wrong without a response, and its cause made safe to keep; the error is built once the call gives up. */
export interface ConnectionProblem {
  problem: string;
  cause: Error | undefined;
}

export function connectionProblem(cause: unknown, redact: Redactor): ConnectionProblem {
  // Only name, message and code survive: the original may hold a Request (and so its headers).
  const chain = causeChain(cause);
  const safeCause = chain.reduceRight<Error | undefined>((inner, link) => {
    const copy = new Error(redact(String(link.message ?? '')), inner && { cause: inner });
    if (typeof link.name === 'string') copy.name = link.name;
    return Object.assign(copy, typeof link.code === 'string' ? { code: link.code } : {});
  }, undefined);
  const code = chain.find((link) => typeof link.code === 'string')?.code;
  return { problem: `connection error${safeCause ? `: ${safeCause.message}${code ? ` (${code})` : ''}` : ''}`, cause: safeCause };
}
