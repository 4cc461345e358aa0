// The Vine mock's domain core: keys, clock, faults and journal behind one plain `handle`.
import { operations as vineApi } from '@revokit/vine/generated/vine/operations';
import type { ClockMode, MockClock } from '../clock.js';
import type { Behaviour } from '../dispatcher.js';
import { formats, type Environment } from '../formats.js';
import { createKernel } from '../kernel.js';
import { createSecretTracker } from '../secrets.js';
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
  const secrets = createSecretTracker(function* () {
    for (const key of state.keys.values()) yield key.plaintext;
  });
  const behaviours: Record<VineOperationId, Behaviour> = {
    postApiV1KeysByIdRevoke: (input) => revokeVineKey(state, input),
  };
  const kernel = createKernel({
    state,
    routes: vineRoutes,
    behaviours,
    clock: options.clock,
    journalSize: options.journalSize,
    secrets,
    errorResponse: (_name, status, message) => vineError(status, ERROR_CODES[status] ?? (status >= 500 ? 'internal_error' : `http_${status}`), message),
  });

  const seed = {
    key(options: SeedVineKeyOptions = {}): SeededVineKey {
      const env = options.env ?? 'live';
      if (env !== 'live' && env !== 'test') throw new TypeError('seed.key: env must be "live" or "test"');
      if (options.name !== undefined && typeof options.name !== 'string') throw new TypeError('seed.key: name must be a string');
      const key = { id: formats.vineKeyId(), name: options.name ?? 'Test key', environment: env, plaintext: formats.vinePlaintext(env), revokedAt: null };
      state.keys.set(key.id, key);
      secrets.minted(key.plaintext);
      return { id: key.id, name: key.name, keyPrefix: keyPrefixOf(key), plaintext: key.plaintext };
    },
  };

  return Object.assign(kernel, { seed });
}

export type VineCore = ReturnType<typeof createVineCore>;
