// Routes a plain request to its behaviour, applying injected faults and writing the journal.
// Shared by every mock; the product modules only supply routes, behaviours and envelopes.
import type { MockClock } from './clock.js';
import type { FaultQueue } from './faults.js';
import type { Journal } from './journal.js';
import { createRouter, type RouteDefinition } from './router.js';
import type { MockRequest, MockResponse, Outcome } from './transport.js';

export interface OperationInput {
  /** Path parameters, decoded. */
  params: Record<string, string>;
  /** Query parameters, decoded; a name given twice keeps its last value. */
  query: Readonly<Record<string, string>>;
  headers: MockRequest['headers'];
  body: string | undefined;
  /** Epoch ms by the mock clock, read once per request. */
  now: number;
}

export type Behaviour = (input: OperationInput) => MockResponse;

export interface DispatcherOptions<Name extends string> {
  routes: ReadonlyArray<RouteDefinition<Name>>;
  behaviours: Readonly<Record<Name, Behaviour>>;
  /** The API's own error envelope for a given operation and status. */
  errorResponse(name: Name, status: number, message: string): MockResponse;
  clock: MockClock;
  faults: FaultQueue;
  journal: Journal;
  /** Credentials out of the text of error answers (400 and up), which may quote what the client sent. */
  redact?: ((text: string) => string) | undefined;
}

export interface Dispatcher {
  handle(request: MockRequest): Outcome;
  /** Answers a request of this API with an error in its own envelope, without running or journaling anything. */
  reject(request: MockRequest, status: number, message: string): Outcome;
}

export function createDispatcher<Name extends string>(options: DispatcherOptions<Name>): Dispatcher {
  const router = createRouter(options.routes);
  const { behaviours, clock, faults, journal } = options;

  const runBehaviour = (name: Name, input: OperationInput): MockResponse => {
    try {
      const { status, headers, events, body: answered } = behaviours[name](input);
      if (events) return headers ? { status, headers, events } : { status, events };
      // An error may quote the request (a validation issue's 'received' value): no credential in it, whatever the behaviour.
      const body = status >= 400 && options.redact ? redactStrings(answered, options.redact) : answered;
      return headers ? { status, headers, body } : { status, body };
    } catch {
      // A bug in a behaviour must not take the test run or the server down.
      return { ...options.errorResponse(name, 500, 'The mock failed to handle this request') };
    }
  };

  return {
    reject(request, status, message) {
      const matched = router.match(request.method, request.path);
      if (matched.kind === 'none') return { kind: 'unmatched' };
      if (matched.kind === 'method-not-allowed') return { kind: 'method-not-allowed', allow: matched.allow };
      return { kind: 'respond', operationId: matched.name, response: { ...options.errorResponse(matched.name, status, message) }, delayMs: 0 };
    },
    handle(request) {
      const matched = router.match(request.method, request.path);
      if (matched.kind === 'none') return { kind: 'unmatched' };
      if (matched.kind === 'method-not-allowed') return { kind: 'method-not-allowed', allow: matched.allow };

      const { name, params } = matched;
      const now = clock.now();
      const note = (status: number) =>
        journal.record({ method: request.method.toUpperCase(), url: request.url, operationId: name, status, at: now });
      const fault = faults.take(name);
      const delayMs = fault?.delayMs ?? 0;

      if (fault?.networkError) {
        note(0);
        return { kind: 'network-error', operationId: name, delayMs };
      }
      let response: MockResponse;
      if (fault?.status !== undefined) {
        response = fault.body !== undefined ? { status: fault.status, rawBody: fault.body } : { ...options.errorResponse(name, fault.status, `Injected fault: HTTP ${fault.status}`) };
      } else {
        response = runBehaviour(name, { params, query: parseQuery(request.query), headers: request.headers, body: request.body, now });
        if (fault?.dropResponse) {
          note(0);
          return { kind: 'network-error', operationId: name, delayMs };
        }
      }
      if (fault?.headers) response = { ...response, headers: { ...response.headers, ...fault.headers } };
      note(response.status);
      return { kind: 'respond', operationId: name, response, delayMs };
    },
  };
}

const NO_QUERY: Readonly<Record<string, string>> = Object.freeze({});

/** `value` with every string in it redacted, structure kept (plain JSON data). */
function redactStrings(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redact));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, redact)]));
  return value;
}

function parseQuery(query: string | undefined): Readonly<Record<string, string>> {
  return query ? Object.fromEntries(new URLSearchParams(query)) : NO_QUERY;
}
