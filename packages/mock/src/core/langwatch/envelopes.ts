// LangWatch's error envelopes: `{ error, message }` on the app API, OpenAI-style on the gateway.
import type { MockResponse } from '../transport.js';

export interface LangWatchError {
  error: string;
  message: string;
}

const codeByStatus: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'request_timeout',
  409: 'conflict',
  422: 'unprocessable_entity',
  429: 'rate_limited',
  500: 'internal_server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

export const errorCodeForStatus = (status: number): string => codeByStatus[status] ?? `http_${status}`;

export function apiError<Status extends number>(status: Status, error: string, message: string) {
  return { status, body: { error, message } };
}

export function gatewayError(status: number, type: string, code: string, message: string): MockResponse {
  return { status, body: { error: { type, code, message } } };
}
