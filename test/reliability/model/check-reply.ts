// Holds one reply to what the model expected: status (so any unexpected 5xx), body, the spec's
// schema for documented (operation, status) pairs, X-Request-Id, Allow, CORS, and no credential
// in an error body.
import { expect } from 'vitest';
import { expectConformingBody } from '../../mock/support/spec-conformance.js';
import type { Expected } from './answer.js';
import { createLeakFinder, UNKNOWN } from './credentials.js';
import type { Outcome } from './target.js';
import type { Family } from './world.js';

export type LeakScope = Family | 'both';
export type LeakFinders = Record<LeakScope, (text: string) => string | undefined>;

let memo: { known: ReadonlyMap<string, Family>; size: number; finders: LeakFinders } | undefined;

/** Leak finders over the credentials the run knows: a scope's own in every form, the others whole. Rebuilt only when `known` grew. */
export function leakFinders(known: ReadonlyMap<string, Family>): LeakFinders {
  if (memo?.known === known && memo.size === known.size) return memo.finders;
  const finders = buildFinders(known);
  memo = { known, size: known.size, finders };
  return finders;
}

function buildFinders(known: ReadonlyMap<string, Family>): LeakFinders {
  const of = (family: Family) => [...known].filter(([, f]) => f === family).map(([credential]) => credential);
  const langwatch = of('langwatch');
  const vine = of('vine');
  return {
    both: createLeakFinder([...langwatch, ...vine], UNKNOWN),
    langwatch: createLeakFinder(langwatch, [...vine, ...UNKNOWN]),
    vine: createLeakFinder(vine, [...langwatch, ...UNKNOWN]),
  };
}

const REQUEST_ID = /^req_[0-9a-f]{30}$/;

export function checkOutcome(expected: Expected, outcome: Outcome, transport: 'http' | 'msw', leaks: LeakFinders): void {
  if (expected.kind === 'network-error') {
    expect(outcome, `${expected.operation.id}: an injected network error drops the connection`).toHaveProperty('networkError');
    return;
  }
  if (expected.kind === 'unclaimed') {
    expect(outcome, 'no handler of ours claims this request: it passes through').toEqual({ unclaimed: true });
    return;
  }
  if (!('status' in outcome)) throw new Error(`expected ${expected.status}, got ${JSON.stringify(outcome)}`);
  const { status, headers, text } = outcome;
  if (status !== expected.status) {
    const what = status >= 500 ? 'an unexpected 5xx' : 'a status the rules do not give';
    throw new Error(`${what}: expected ${expected.status}, got ${status} ${text.slice(0, 400)}`);
  }
  let body: unknown;
  if (expected.stream) {
    expect(headers['content-type'], 'a stream is server-sent events').toMatch(/^text\/event-stream/);
    expect(text.startsWith('data: {') && text.endsWith('data: [DONE]\n\n'), `chat chunks, then [DONE]: ${text.slice(-100)}`).toBe(true);
  } else {
    expect(headers['content-type'], 'every other answer is JSON').toMatch(/^application\/json/);
    body = JSON.parse(text);
    expect(body, `body of ${status}`).toEqual(expected.body);
    expected.check?.(body);
  }
  if (expected.operation?.inSpec) expectConformingBody(expected.operation.id, status, body);
  if (expected.requestId === 'minted') expect(headers['x-request-id'], 'a minted X-Request-Id').toMatch(REQUEST_ID);
  else if (expected.requestId !== undefined) expect(headers['x-request-id'], 'the caller\'s X-Request-Id, verbatim').toBe(expected.requestId);
  for (const method of expected.allow ?? []) expect(headers.allow?.split(/,\s*/), 'Allow').toContain(method);
  if (expected.connectionClose) expect(headers.connection, 'Connection: close').toBe('close');
  if (transport === 'http') expect(headers['access-control-allow-origin'], 'CORS on every API answer, none on the control plane').toBe(expected.noCors ? undefined : '*');
  if (status >= 400) {
    const scope: LeakScope = expected.envelope === 'vine' ? 'vine' : expected.envelope === 'server' ? 'both' : 'langwatch';
    const leaked = leaks[scope](text);
    if (leaked) throw new Error(`credential ${leaked} in an error body: ${text.slice(0, 400)}`);
  }
  expected.capture?.(body);
}
