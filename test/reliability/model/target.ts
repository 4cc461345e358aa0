// What the runner needs of the system under test, served by the HTTP server (http-target.ts) or
// by MSW handlers (msw-target.ts) alike; and the baseline both are seeded with.
import type { WireRequest } from './requests.js';
import type { Plane } from './routes.js';
import type { BadClock, BadCreate } from './steps.js';
import type { Baseline, Family, Settings } from './world.js';

export interface Reply {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  text: string;
}

export type Outcome = Reply | { networkError: string } | { unclaimed: true };

export type CreateInput =
  | { what: 'project' }
  | { what: 'vk'; projectId?: string; environment?: 'live' | 'test'; name?: string }
  | { what: 'admin'; role?: 'admin' | 'member'; permissions?: string[]; ownerUserId?: string }
  | { what: 'vine'; env?: 'live' | 'test'; name?: string }
  | { what: 'credential'; projectId?: string; disabled: boolean };

/** A created entity as the target reports it (control-plane answer, or seed return value), in one shape. */
export type Created =
  | { what: 'project'; id: string; apiKey: string; providerCredentialId: string }
  | { what: 'vk'; id: string; secret: string; view: Record<string, unknown> }
  | { what: 'admin'; id: string; token: string; role: string; owner: string | null }
  | { what: 'vine'; id: string; name: string; keyPrefix: string; plaintext: string }
  | { what: 'credential'; id: string; projectId: string; disabledAt: string | null };

export interface JournalView {
  method: string;
  url: string;
  operationId: string;
  status: number;
  at: string;
}

/** Every entity as the target lists it (control-plane lists, or `snapshot()`), in one shape; times as ISO strings. */
export interface Inventory {
  virtualKeys: Array<{
    id: string;
    name: string;
    description: string | null;
    providerCredentialIds: string[];
    secret: string;
    previous: { secret: string; until: string } | null;
    revokedAt: string | null;
    revision: string;
    lastUsedAt: string | null;
    propagatesAt?: string | null;
    rotations?: Array<{ at: string; graceUntil: string }>;
  }>;
  apiKeys: Array<{
    id: string;
    token: string;
    name: string;
    description: string | null;
    role: string;
    permissions: string[];
    bindings: Array<{ role: string; scopeType: string; scopeId: string }>;
    owner: string | null;
    expiresAt: string | null;
    lastUsedAt: string | null;
    revokedAt: string | null;
  }>;
  vineKeys: Array<{ id: string; name: string; plaintext: string; revokedAt: string | null }>;
  providerCredentials: Array<{ id: string; projectId: string; disabledAt: string | null }>;
}

/** A text outside the answers that must hold no credential of any world. */
export interface SideText {
  where: string;
  text: string;
}

export interface FuzzTarget {
  readonly transport: 'http' | 'msw';
  readonly name: string;
  readonly settings: Settings;
  readonly baseline: Baseline;
  /** Requests sent so far (HTTP requests, or fetch calls through MSW). */
  readonly requests: number;
  baseUrl(plane: Plane): string;
  send(request: WireRequest): Promise<Outcome>;
  /** Before a run: what earlier runs left outside the baseline is gone (sessions, log lines), so that each run replays alone. */
  begin(): Promise<void>;
  /** Back to the baseline, clock frozen at `at`; checks what a reset promises (frozen, offset zero, same credentials). */
  reset(at: number): Promise<void>;
  /** Moves the clock to `to` (advancing when it can, else setting it) and checks it got there. */
  clock(to: number, how: 'advance' | 'set', from: number): Promise<void>;
  /** Sends a bad clock change and checks it is refused. */
  badClock(kind: BadClock, now: number): Promise<void>;
  create(input: CreateInput): Promise<Created>;
  /** Sends a bad create and checks it is refused, naming the field. */
  badCreate(kind: BadCreate): Promise<void>;
  fault(operationId: string, fault: { status?: number; network?: true; times: number }): Promise<void>;
  clearFaults(): Promise<void>;
  journal(): Promise<Record<Family, JournalView[]>>;
  inventory(): Promise<Inventory>;
  /** Texts that must never show a credential of any world: session journals and request-log lines (HTTP). */
  sideTexts(): Promise<SideText[]>;
  /** Throws unless the target still answers: health, and a valid request after a reset. */
  alive(): Promise<void>;
}

interface SeedPlan {
  langwatch: {
    projects: Array<{ ref: string }>;
    virtual_keys: Array<{ name: string; project?: string; environment?: 'live' | 'test' }>;
    api_keys: Array<{ role: 'admin' | 'member'; permissions?: string[]; owner_user_id: string }>;
  };
  vine: { keys: Array<{ name: string; env: 'live' | 'test' }> };
}

/** Entities every target starts with (and returns to on reset): two projects, keys of every kind and permission. */
export const SEED_PLAN: SeedPlan = {
  langwatch: {
    projects: [{ ref: 'acme' }],
    virtual_keys: [
      { name: 'checkout' },
      { name: 'acme-ci', project: 'acme', environment: 'test' },
      { name: 'batch', environment: 'live' },
    ],
    api_keys: [
      { role: 'admin', owner_user_id: 'user_alice' },
      { role: 'member', owner_user_id: 'user_bob' },
      { role: 'member', permissions: [], owner_user_id: 'user_bob' },
      { role: 'admin', permissions: ['project:view'], owner_user_id: 'user_carol' },
    ],
  },
  vine: { keys: [{ name: 'ci', env: 'test' }, { name: 'prod', env: 'live' }] },
};

/** The two configurations every run picks from: the defaults (revoked → 401), and production's 403 with short windows. */
export const SETTINGS: Record<'A' | 'B', Settings> = {
  A: { graceMs: 86_400_000, propagationMs: 60_000, revokedKeyStatus: 401 },
  B: { graceMs: 1_000, propagationMs: 1_000, revokedKeyStatus: 403 },
};

export const MANAGE = 'organization:manage';

/** A seeded key's bindings, from its organization permissions (docs/divergences.md, "Seeded admin keys"). */
export function seededBindings(permissions: readonly string[], organizationId: string): Array<{ role: 'ADMIN' | 'MEMBER'; scopeType: 'ORGANIZATION'; scopeId: string }> {
  if (permissions.includes(MANAGE)) return [{ role: 'ADMIN', scopeType: 'ORGANIZATION', scopeId: organizationId }];
  if (permissions.includes('organization:view')) return [{ role: 'MEMBER', scopeType: 'ORGANIZATION', scopeId: organizationId }];
  return [];
}
