// A plane a mock answers whole: every request under its prefix gets the API's own answer, unknown
// routes and other methods included, instead of falling through to the next handler or to the
// server's generic 404 (the LangWatch gateway answers all of /v1/ in its error envelope).
import type { MockRequest, MockResponse, Outcome } from './transport.js';

export interface PlanePrefix {
  /** The route plane (base URL) the prefix lives under. */
  plane: string;
  /** Path prefix relative to the plane's base URL, e.g. "/v1/". */
  prefix: string;
}

export interface PlanePrefixRule extends PlanePrefix {
  /** The answer for a request under the prefix that no route takes; `allow` lists the methods when the path is a route with other methods. */
  answer(request: MockRequest, allow: readonly string[] | undefined, now: number): MockResponse;
}

/** Turns an unmatched or wrong-method outcome under one of the prefixes into that plane's answer. */
export function answerUnrouted(rules: readonly PlanePrefixRule[], request: MockRequest, outcome: Outcome, now: () => number): Outcome {
  if (outcome.kind !== 'unmatched' && outcome.kind !== 'method-not-allowed') return outcome;
  const rule = rules.find(({ prefix }) => request.path.startsWith(prefix));
  if (!rule) return outcome;
  const allow = outcome.kind === 'method-not-allowed' ? outcome.allow : undefined;
  // A response of its own, as the dispatcher's are: adapters and wrappers may add headers to it.
  return { kind: 'respond', response: { ...rule.answer(request, allow, now()) }, delayMs: 0 };
}
