// The Vine mock's domain core: keys, clock, faults and journal behind one plain `handle`.
import { operations as vineApi } from '@revokit/vine/generated/vine/operations';
import { createClock, type ClockMode, type MockClock } from '../clock.js';
import { createDispatcher, type Behaviour } from '../dispatcher.js';
import { createFaults, type Faults } from '../faults.js';
import { formats, type Environment } from '../formats.js';
import { createJournal, type JournalEntry } from '../journal.js';
import type { MockRequest, Outcome } from '../transport.js';
import { revokeVineKey, vineError } from './keys.js';
import { keyPrefixOf, type VineState } from './state.js';

export type VineOperationId = keyof typeof vineApi;

export interface VineCoreOptions {
  clock?: MockClock | ClockMode;
  journalSize?: number;
}

export interface SeedVineKeyOptions {
  name?: string;
  env?: Environment;
}

export interface SeededVineKey {
  id: string;
  name: string;
  keyPrefix: string;
  plaintext: string;
}

const ERROR_CODES: Record<number, string> = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'unprocessable_entity', 429: 'rate_limited' };

export const vineRoutes = Object.values(vineApi).map(({ operationId, method, path }) => ({ name: operationId, method, path }));

export function createVineCore(options: VineCoreOptions = {}) {
  const state: VineState = { keys: new Map() };
  const clock = typeof options.clock === 'object' ? options.clock : createClock(options.clock);
  const journal = createJournal(options.journalSize);
  const faults = createFaults(vineRoutes.map((route) => route.name));
  const behaviours: Record<VineOperationId, Behaviour> = {
    postApiV1KeysByIdRevoke: (input) => revokeVineKey(state, input),
  };
  const dispatcher = createDispatcher({
    routes: vineRoutes,
    behaviours,
    clock,
    faults,
    journal,
    errorResponse: (_name, status, message) => vineError(status, ERROR_CODES[status] ?? (status >= 500 ? 'internal_error' : `http_${status}`), message),
  });
  let baseline = structuredClone(state);

  const seed = {
    key(options: SeedVineKeyOptions = {}): SeededVineKey {
      const env = options.env ?? 'live';
      if (env !== 'live' && env !== 'test') throw new TypeError('seed.key: env must be "live" or "test"');
      if (options.name !== undefined && typeof options.name !== 'string') throw new TypeError('seed.key: name must be a string');
      const key = { id: formats.vineKeyId(), name: options.name ?? 'Test key', environment: env, plaintext: formats.vinePlaintext(env), revokedAt: null };
      state.keys.set(key.id, key);
      return { id: key.id, name: key.name, keyPrefix: keyPrefixOf(key), plaintext: key.plaintext };
    },
  };

  return {
    routes: vineRoutes,
    handle: (request: MockRequest): Outcome => dispatcher.handle(request),
    seed,
    clock,
    get requests(): JournalEntry[] {
      return journal.entries();
    },
    faults: faults as Faults,
    reset(): void {
      Object.assign(state, structuredClone(baseline));
      clock.reset();
      journal.clear();
      faults.clear();
    },
    /** A deep copy of every key, plaintext included: for assertions, never shared with the mock. */
    snapshot: () => structuredClone(state),
    markBaseline(): void {
      baseline = structuredClone(state);
    },
  };
}

export type VineCore = ReturnType<typeof createVineCore>;
