// X-Request-Id on every answer of the LangWatch mock: the caller's own value, verbatim, else a new
// one in the gateway's format ("req_" + 30 lowercase hex; pkg/httpmiddleware/requestid.go). The real
// gateway does this on every response; the real app API sends none (the mock adds it there too:
// docs/divergences.md).
import type { MockRequest, Outcome } from '../transport.js';
import { formats } from './formats.js';

export function withRequestId(request: MockRequest, outcome: Outcome): Outcome {
  if (outcome.kind !== 'respond') return outcome;
  const response = outcome.response;
  const headers = response.headers;
  // A header injected by a fault wins.
  if (headers && Object.keys(headers).some((name) => name.toLowerCase() === 'x-request-id')) return outcome;
  const id = request.headers['x-request-id'] || formats.requestId();
  // Each outcome and its response are built for this request alone (the dispatcher copies what a
  // behaviour returns; answerUnrouted copies a plane's answer), so the header goes on in place:
  // copying both again on every answer cost LangWatch rotate ~12 % of its throughput (npm run
  // bench with BENCH_BASELINE_CLI: 18.8k vs 21.2k req/s, 53.6 vs 47.1 µs CPU per answer).
  response.headers = headers ? { ...headers, 'x-request-id': id } : { 'x-request-id': id };
  return outcome;
}
