// What every mock has besides its own rules: a clock, a journal, a fault queue, the
// dispatcher, and a baseline to reset to. Product cores add their seeders and views on top.
import { createClock, type ClockMode, type MockClock } from './clock.js';
import { createDispatcher, type Behaviour } from './dispatcher.js';
import { createFaults, type Faults } from './faults.js';
import { createJournal, type JournalEntry } from './journal.js';
import { createRedactor } from './redact.js';
import { createSecretTracker, type SecretSource, type SecretTracker } from './secrets.js';
import type { RouteDefinition } from './router.js';
import type { MockRequest, MockResponse, Outcome } from './transport.js';

export interface KernelOptions<Name extends string, State extends object, Route extends RouteDefinition<Name>> {
  /** The product's entities. Kept as one object for life: reset swaps its fields. */
  state: State;
  routes: readonly Route[];
  behaviours: Readonly<Record<Name, Behaviour>>;
  errorResponse(name: Name, status: number, message: string): MockResponse;
  /** A clock to share with other mocks, or the mode of a new one (default "system"). */
  clock?: MockClock | ClockMode | undefined;
  /** Journal capacity (default 1000). */
  journalSize?: number | undefined;
  /** The credentials the product mints, so that redaction covers them in any form. */
  secrets?: SecretTracker;
}

export function createKernel<Name extends string, State extends object, Route extends RouteDefinition<Name>>(
  options: KernelOptions<Name, State, Route>,
) {
  const { state, routes, behaviours, errorResponse } = options;
  const clock = typeof options.clock === 'object' ? options.clock : createClock(options.clock);
  const secrets = options.secrets ?? createSecretTracker(() => []);
  const journal = createJournal(options.journalSize, createRedactor([secrets]));
  const faults = createFaults(routes.map((route) => route.name));
  const dispatcher = createDispatcher({ routes, behaviours, errorResponse, clock, faults, journal });
  let baseline = structuredClone(state);

  return {
    routes,
    handle: (request: MockRequest): Outcome => dispatcher.handle(request),
    clock,
    /** The journal, oldest first: credentials redacted, bounded. */
    get requests(): JournalEntry[] {
      return journal.entries();
    },
    faults: faults as Faults,
    /** The credentials this mock holds (and recently held), for redaction beyond its journal. */
    secrets: secrets as SecretSource,
    /** Back to the baseline (by default the state at creation): same ids, same credentials. */
    reset(): void {
      const held = [...secrets.held()];
      Object.assign(state, structuredClone(baseline));
      secrets.replaced(held);
      clock.reset();
      journal.clear();
      faults.clear();
    },
    /** Makes the current state the one reset() returns to. */
    markBaseline(): void {
      baseline = structuredClone(state);
    },
    /** A deep copy of every entity, secrets included: for assertions, never shared with the mock. */
    snapshot: (): State => structuredClone(state),
  };
}
