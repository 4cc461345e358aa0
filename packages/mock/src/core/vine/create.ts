// The Vine mock: keys on the stateful-mock base, behind one plain `handle(request)`.
import type { ClockMode, MockClock } from '../clock.js';
import type { Behaviour } from '../dispatcher.js';
import { realShape, requireFreeCredential, requireFreeId } from '../given.js';
import { InputError, joinPath, nameIn, readInput, rules, type InputSource, type Rules } from '../inputs.js';
import { createRedactor } from '../redact.js';
import { createSecretTracker, RETIRED_CREDENTIALS_KEPT, type CredentialScope } from '../secrets.js';
import { createStatefulMock, type StatefulMock } from '../stateful-mock.js';
import { createVineKey } from './create-key.js';
import { detect } from './detect.js';
import { DEFAULT_ENVIRONMENT, ENVIRONMENTS, shapes, type Environment } from './formats.js';
import { revokeVineKey, vineError } from './keys.js';
import { DEFAULT_SCOPES, mintVineKey } from './mint.js';
import { vineRoutes, type VineOperationId } from './routes.js';
import { keyPrefixOf, type VineState } from './state.js';

export interface VineCoreOptions {
  /** A clock to share with other mocks, or the mode of a new one (default "system"). */
  clock?: MockClock | ClockMode | undefined;
  /** Journal capacity (default 1000). */
  journalSize?: number | undefined;
  /** Where its credentials are indexed for redaction (default: an index of its own; a server shares one among its worlds). */
  credentialScope?: CredentialScope | undefined;
}

export interface SeedVineKeyOptions {
  name?: string | undefined;
  /** Default "test", as on Vine's create. */
  env?: Environment | undefined;
  /** Default: minted (c + 24 characters). */
  id?: string | undefined;
  /** The key itself, of its environment (vine_{env}_…); default: minted. */
  plaintext?: string | undefined;
}

export interface SeededVineKey {
  id: string;
  name: string;
  keyPrefix: string;
  plaintext: string;
}

export interface VineSeeder {
  /** Throws an InputError (a TypeError) naming the bad option. */
  key(options?: SeedVineKeyOptions): SeededVineKey;
  /** The same from JSON; messages name fields as `where` and `naming` say. */
  key(input: unknown, source: InputSource): SeededVineKey;
}

/** The Vine mock without any transport. */
export interface VineCore extends StatefulMock<VineState, VineOperationId> {
  /** Creates keys directly, as a test's arrange step. */
  readonly seed: VineSeeder;
}

/** Codes for injected faults: the docs name not_found, validation_failed and rate_limited; the others are ours. */
const ERROR_CODES: Record<number, string> = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'validation_failed', 429: 'rate_limited' };

const keyRules: Rules<SeedVineKeyOptions> = {
  name: rules.string,
  env: rules.oneOf(ENVIRONMENTS),
  id: realShape(...shapes.keyId),
  plaintext: realShape(...shapes.plaintext),
};

export function createVineCore(options: VineCoreOptions = {}): VineCore {
  const state: VineState = { keys: new Map() };
  const secrets = createSecretTracker(
    function* () {
      for (const key of state.keys.values()) yield key.plaintext;
    },
    RETIRED_CREDENTIALS_KEPT,
    options.credentialScope,
  );
  const { redact } = createRedactor([secrets]);
  // Adding an operation to the spec breaks this object's type until it has a behaviour.
  const behaviours: Record<VineOperationId, Behaviour> = {
    postApiV1Keys: (input) => createVineKey(state, secrets, input, redact),
    postApiV1KeysByIdRevoke: (input) => revokeVineKey(state, input),
    postApiV1Detect: (input) => detect(state, input, redact),
  };
  const base = createStatefulMock({
    state,
    routes: vineRoutes,
    behaviours,
    clock: options.clock,
    journalSize: options.journalSize,
    secrets,
    errorResponse: (_name, status, message) => vineError(status, ERROR_CODES[status] ?? (status >= 500 ? 'internal_error' : `http_${status}`), message),
  });

  const seed = {
    key(input: unknown = {}, source: InputSource = { where: 'seed.key', naming: 'camel' }): SeededVineKey {
      const options = readInput(keyRules, input, source.where, source.naming);
      const env = options.env ?? DEFAULT_ENVIRONMENT;
      const field = (name: string) => joinPath(source.where, nameIn(source.naming, name));
      if (options.id !== undefined) requireFreeId(field('id'), options.id, state.keys.has(options.id), 'Vine key');
      if (options.plaintext !== undefined) {
        if (!options.plaintext.startsWith(`vine_${env}_`)) {
          throw new InputError(field('plaintext'), `${field('plaintext')} is not a key of the environment ${env}: give ${field('env')} as the key's, or a vine_${env}_ key`);
        }
        requireFreeCredential(field('plaintext'), options.plaintext, [...state.keys.values()].map((key) => key.plaintext));
      }
      const key = mintVineKey(state, secrets, { name: options.name ?? 'Test key', environment: env, scopes: DEFAULT_SCOPES, id: options.id, plaintext: options.plaintext }, base.clock.now());
      return { id: key.id, name: key.name, keyPrefix: keyPrefixOf(key), plaintext: key.plaintext };
    },
  } as VineSeeder;

  return Object.assign(base, { seed });
}
