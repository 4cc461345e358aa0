// The base every product mock builds on: a clock, a journal, a fault queue, the dispatcher, and
// a baseline to reset to. Product mocks (langwatch/, vine/) add their state, behaviours, seeders
// and views on top.
import { createClock, type ClockMode, type MockClock } from './clock.js';
import { createDispatcher, type Behaviour } from './dispatcher.js';
import { createFaults, type Faults } from './faults.js';
import { createJournal, type JournalEntry } from './journal.js';
import { answerUnrouted, type PlanePrefix, type PlanePrefixRule } from './plane-prefix.js';
import { createRedactor } from './redact.js';
import { createSecretTracker, RETIRED_CREDENTIALS_KEPT, type CredentialScope, type SecretSource, type SecretTracker } from './secrets.js';
import type { MockRequest, MockResponse, Outcome } from './transport.js';

/** A route a mock answers. `plane` names the base URL it lives under (e.g. "api", "gateway"). */
export interface MockRoute<Name extends string = string> {
  name: Name;
  method: string;
  /** Path template, "{param}" style, as in the spec. */
  path: string;
  plane: string;
}

/** What every stateful mock offers, whatever its API. */
export interface StatefulMock<State extends object = object, Name extends string = string> {
  /** Every route the mock answers. */
  readonly routes: readonly MockRoute<Name>[];
  /** Prefixes of planes the mock answers whole (adapters route every request under them to `handle`). */
  readonly planePrefixes: readonly PlanePrefix[];
  /** Answers one plain request: the whole transport contract. */
  handle(request: MockRequest): Outcome;
  /** Answers a request of this API with `status` in the API's own error envelope, without running or journaling it. */
  reject(request: MockRequest, status: number, message: string): Outcome;
  /** The mock's only source of time (possibly shared with other mocks). */
  readonly clock: MockClock;
  /** The journal, oldest first: credentials redacted, bounded. */
  readonly requests: JournalEntry[];
  /** Injected failures for the next requests of an operation. */
  readonly faults: Faults<Name>;
  /** The credentials this mock holds (and recently held), for redaction beyond its journal. */
  readonly secrets: SecretSource;
  /** Back to the baseline (by default the state at creation): same ids, same credentials; clock offset zero, journal and faults cleared. */
  reset(): void;
  /** Makes the current state the one reset() returns to. */
  markBaseline(): void;
  /** A deep copy of every entity, secrets included: for assertions, never shared with the mock. */
  snapshot(): State;
}

export interface StatefulMockOptions<Name extends string, State extends object> {
  /** The product's entities. Kept as one object for life: reset swaps its fields. */
  state: State;
  routes: readonly MockRoute<Name>[];
  behaviours: Readonly<Record<Name, Behaviour>>;
  /** The API's own error envelope for an operation and status (injected faults, behaviour bugs). */
  errorResponse(name: Name, status: number, message: string): MockResponse;
  /** Planes answered whole: requests under these prefixes that no route takes get the rule's answer. */
  planePrefixes?: readonly PlanePrefixRule[];
  /** A clock to share with other mocks, or the mode of a new one (default "system"). */
  clock?: MockClock | ClockMode | undefined;
  /** Journal capacity (default 1000). */
  journalSize?: number | undefined;
  /** The credentials the product mints, so that redaction covers them in any form. */
  secrets?: SecretTracker;
  /** Without `secrets`: where the default (empty) tracker indexes (a family passes its settings' `credentialScope`). */
  credentialScope?: CredentialScope | undefined;
}

export function createStatefulMock<Name extends string, State extends object>(options: StatefulMockOptions<Name, State>): StatefulMock<State, Name> {
  const { state, routes, behaviours, errorResponse } = options;
  const clock = typeof options.clock === 'object' ? options.clock : createClock(options.clock);
  const secrets = options.secrets ?? createSecretTracker(() => [], RETIRED_CREDENTIALS_KEPT, options.credentialScope);
  const redactor = createRedactor([secrets]);
  const journal = createJournal(options.journalSize, redactor);
  const faults = createFaults(routes.map((route) => route.name));
  const dispatcher = createDispatcher({ routes, behaviours, errorResponse, clock, faults, journal, redact: redactor.redact });
  let baseline = structuredClone(state);
  const prefixRules = options.planePrefixes ?? [];
  const now = () => clock.now();

  return {
    routes,
    planePrefixes: prefixRules.map(({ plane, prefix }) => ({ plane, prefix })),
    handle: prefixRules.length === 0 ? (request) => dispatcher.handle(request) : (request) => answerUnrouted(prefixRules, request, dispatcher.handle(request), now),
    reject: (request, status, message) => dispatcher.reject(request, status, message),
    clock,
    get requests() {
      return journal.entries();
    },
    faults,
    secrets,
    reset() {
      const held = [...secrets.held()];
      Object.assign(state, structuredClone(baseline));
      secrets.replaced(held);
      clock.reset();
      journal.clear();
      faults.clear();
    },
    markBaseline() {
      baseline = structuredClone(state);
    },
    snapshot: () => structuredClone(state),
  };
}
