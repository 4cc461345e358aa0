// A world: one mock per family on one shared clock, with the demo and seed-file entities created
// and marked as the baseline that reset returns to. The server serves one; not HTTP, no sockets.
import { createClock, type ClockMode, type MockClock } from '../../core/clock.js';
import { holdsPieceOf } from '../../core/redact.js';
import { createCredentialIndex, createCredentialScope, type CredentialIndex, type SecretSource } from '../../core/secrets.js';
import type { StatefulMock } from '../../core/stateful-mock.js';
import type { MockRequest, Outcome } from '../../core/transport.js';
import type { AnyFamily, CredentialsOf, CredentialsPart, FamilySettings, MocksOf, OperationIdOf } from '../../families/family.js';
import type { SeedPlan } from './seed-plan.js';

export interface WorldOptions<Families extends readonly AnyFamily[]> {
  families: Families;
  settings?: FamilySettings;
  /** "frozen": time moves only when told to (default "system"). */
  clock?: ClockMode;
  /** Create the demo entities (default true). */
  demo?: boolean;
  seed?: SeedPlan;
  /** Where the mocks index their credentials for redaction (default: an index of the world's own). A server shares one among all its worlds. */
  credentials?: CredentialIndex;
}

export interface WorldMember {
  family: AnyFamily;
  mock: StatefulMock;
}

export interface World<Families extends readonly AnyFamily[]> {
  /** Each family's mock, by family name. */
  readonly mocks: MocksOf<Families>;
  /** Families and their mocks, in route-matching order. */
  readonly members: readonly WorldMember[];
  readonly clock: MockClock;
  /** What exists at startup (and again after every reset): every family's credentials, merged. */
  readonly credentials: CredentialsOf<Families>;
  /** Every operation name, in route order. */
  readonly operationIds: readonly OperationIdOf<Families>[];
  /** The member whose mock answers this operation, if it is one. */
  ownerOf(operationId: string): WorldMember | undefined;
  /** The first mock that claims the request answers it (the families' paths do not collide). */
  handle(request: MockRequest): Outcome;
  /** The first mock that claims the request answers `status` in its API's envelope, running nothing. */
  reject(request: MockRequest, status: number, message: string): Outcome;
  /** Back to the startup state: same ids and credentials, clock offset zero, journals and faults cleared. */
  reset(): void;
  /** Every credential any of the world's mocks holds or recently held (in a shared index: every world's). */
  readonly secrets: SecretSource;
  /** The credential sources of mocks whose family keeps an index of its own rather than the shared one (none for the default families). */
  readonly unscoped: readonly SecretSource[];
  /** The world ends (a session that ended): what its mocks covered goes to `retire`, and so does what they still mint. */
  end(retire: (credential: string) => void): void;
}

export function createWorld<Families extends readonly AnyFamily[]>(options: WorldOptions<Families>): World<Families> {
  const clock = createClock(options.clock ?? 'system');
  const index = options.credentials ?? createCredentialIndex();
  const scope = createCredentialScope(index);
  const members: WorldMember[] = [];
  const parts: CredentialsPart[] = [];
  for (const family of options.families) {
    const mock: StatefulMock = family.create(clock, { ...options.settings, credentialScope: scope });
    parts.push(family.populate(mock, { demo: options.demo !== false, section: options.seed?.[family.name], where: family.name }));
    mock.markBaseline();
    members.push({ family, mock });
  }
  const owners = new Map(members.flatMap((member) => member.mock.routes.map((route) => [route.name as string, member] as const)));
  const mocks = members.map((member) => member.mock);
  const unscoped = mocks.map((mock) => mock.secrets).filter((source) => !scope.owns(source));
  const secrets: SecretSource =
    unscoped.length === 0
      ? index
      : {
          hasFragment: (key) => index.hasFragment(key) || unscoped.some((source) => source.hasFragment(key)),
          holdsPiece: (text, from, to) => index.holdsPiece(text, from, to) || unscoped.some((source) => holdsPieceOf(source, text, from, to)),
        };

  return {
    mocks: Object.fromEntries(members.map(({ family, mock }) => [family.name, mock])) as MocksOf<Families>,
    members,
    clock,
    credentials: mergeCredentials(parts) as CredentialsOf<Families>,
    operationIds: [...owners.keys()] as OperationIdOf<Families>[],
    ownerOf: (operationId) => owners.get(operationId),
    handle(request) {
      for (const mock of mocks) {
        const outcome = mock.handle(request);
        if (outcome.kind !== 'unmatched') return outcome;
      }
      return { kind: 'unmatched' };
    },
    reject(request, status, message) {
      for (const mock of mocks) {
        const outcome = mock.reject(request, status, message);
        if (outcome.kind !== 'unmatched') return outcome;
      }
      return { kind: 'unmatched' };
    },
    reset() {
      for (const mock of mocks) mock.reset();
    },
    secrets,
    unscoped,
    end: (retire) => scope.end(retire),
  };
}

/** Merges the families' parts two levels deep: `demo` and `seeded` collect every family's entries. */
function mergeCredentials(parts: readonly CredentialsPart[]): CredentialsPart {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const current = merged[key];
      merged[key] = isRecord(current) && isRecord(value) ? { ...current, ...value } : value;
    }
  }
  return merged as CredentialsPart;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
