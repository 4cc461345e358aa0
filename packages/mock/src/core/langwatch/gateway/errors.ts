// The gateway's error envelope, `{ "error": { "type", "code", "message" } }`, as the real gateway
// writes it (pkg/herr/http.go): `type` and `code` carry the same herr code (`code` since July 2026),
// and `message` is the code itself unless the error names a message.
import type { MockResponse } from '../../transport.js';

export function gatewayError(status: number, code: string, message: string = code): MockResponse {
  return { status, body: { error: { type: code, code, message } } };
}

/** The herr code the real gateway registers for each status (services/aigateway/adapters/httpapi/router.go, registerErrorStatuses). */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'invalid_api_key',
  402: 'budget_exceeded',
  403: 'guardrail_blocked',
  404: 'not_found',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'provider_error',
  504: 'provider_timeout',
};

/** For injected faults: the code the gateway sends with `status`; `internal_error` where it registers none. */
export const gatewayCodeForStatus = (status: number): string => CODE_BY_STATUS[status] ?? 'internal_error';

/** What the gateway answers when it cannot read a model from the body (invalid JSON reads as no model too). */
export const missingModel = (): MockResponse => gatewayError(400, 'bad_request', 'missing model field');
