// X-Request-Id on every answer of the LangWatch mock: the caller's own value, verbatim, else a new
// one in the gateway's format ("req_" + 30 lowercase hex; pkg/httpmiddleware/requestid.go). The real
// gateway does this on every response; the real app API sends none (the mock adds it there too:
// docs/divergences.md).
import type { MockRequest, Outcome } from '../transport.js';
import { formats } from './formats.js';

export function withRequestId(request: MockRequest, outcome: Outcome): Outcome {
  if (outcome.kind !== 'respond') return outcome;
  const headers = outcome.response.headers;
  // A header injected by a fault wins.
  if (headers && Object.keys(headers).some((name) => name.toLowerCase() === 'x-request-id')) return outcome;
  const id = request.headers['x-request-id'] || formats.requestId();
  return { ...outcome, response: { ...outcome.response, headers: { ...headers, 'x-request-id': id } } };
}
