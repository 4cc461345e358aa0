// The app API's error body, `{ "error", "message" }`, with the `error` strings the real service
// writes (langwatch/src/app/api/…: the auth middlewares, the api-keys route, shared/errors.ts).
import type { MockResponse } from '../transport.js';

export interface LangWatchError {
  error: string;
  message: string;
}

export function apiError<Status extends number>(status: Status, error: string, message: string) {
  return { status, body: { error, message } };
}

/**
 * The `error` string the real app API sends with each status: the auth middlewares' and the
 * api-keys route's literals, and the HttpError defaults of shared/errors.ts (whose `error` is
 * their message). Other statuses get their HTTP reason phrase.
 */
const ERROR_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable entity',
  500: 'Internal server error',
};

const REASON_PHRASES: Readonly<Record<number, string>> = {
  402: 'Payment Required',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export const errorStringForStatus = (status: number): string => ERROR_BY_STATUS[status] ?? REASON_PHRASES[status] ?? `HTTP ${status}`;

/** An app-API error for an injected fault or a failure of the mock itself. */
export const apiErrorForStatus = (status: number, message: string): MockResponse => apiError(status, errorStringForStatus(status), message);

/**
 * Where the spec documents the gateway-platform's nested body, `{"error":{"type","code","message"}}`,
 * instead of the flat one: create and update's 400 ("Validation error"), get's 404. An injected
 * fault there answers in it, so that it still matches the spec.
 */
const NESTED: Readonly<Record<string, readonly number[]>> = {
  'postApiGatewayV1Virtual-keys': [400],
  'patchApiGatewayV1Virtual-keysById': [400],
  'getApiGatewayV1Virtual-keysById': [404],
};

const snake = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '_');

/** An app-API error for an injected fault or a failure of the mock itself, in the envelope the operation documents for the status. */
export function apiErrorFor(operationId: string, status: number, message: string): MockResponse {
  if (!NESTED[operationId]?.includes(status)) return apiErrorForStatus(status, message);
  const code = snake(errorStringForStatus(status));
  return { status, body: { error: { type: code, code, message } } };
}
