// The reference model's state: what one world of the mocks should hold, by our rules
// (docs/divergences.md, docs/server.md, README "Decisions"). Written from those pages, not from
// packages/mock/src: nothing here imports the mocks.

export interface Settings {
  graceMs: number;
  propagationMs: number;
  revokedKeyStatus: 401 | 403;
}

export interface Project {
  id: string;
  apiKey: string;
}

/** A rotated-out secret and the instant it stops working (exclusive). */
export interface GraceSecret {
  secret: string;
  until: number;
}

/** A provider credential a virtual key's chain may name (docs/divergences.md "Provider credentials"). */
export interface ProviderCredential {
  id: string;
  projectId: string;
  disabled: boolean;
}

export interface VirtualKey {
  id: string;
  projectId: string;
  name: string;
  description: string | null;
  environment: 'live' | 'test';
  principalUserId: string | null;
  providerCredentialIds: string[];
  createdAt: number;
  secret: string;
  /** The API's previous secret (rotate sets it, a revoke clears it in the same write). */
  previous: GraceSecret | null;
  /** The previous secret as gateway caches still hold it after a revoke cleared it, until propagation. */
  cachedPrevious: GraceSecret | null;
  /** Secrets a later rotation replaced: accepted nowhere. */
  retired: string[];
  /** When each rotation happened, oldest first. */
  rotations: number[];
  revision: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

export interface Binding {
  role: 'ADMIN' | 'MEMBER' | 'VIEWER';
  scopeType: 'ORGANIZATION' | 'TEAM' | 'PROJECT';
  scopeId: string;
}

export interface AdminKey {
  id: string;
  token: string;
  name: string;
  description: string | null;
  role: 'admin' | 'member';
  permissions: string[];
  bindings: Binding[];
  /** null: a service key. */
  owner: string | null;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface VineKey {
  id: string;
  name: string;
  plaintext: string;
  revokedAt: number | null;
}

export type Family = 'langwatch' | 'vine';

export interface QueuedFault {
  status?: number;
  network?: true;
  left: number;
}

/** One journal entry the mock must have written; `url` only when the request carried no credential. */
export interface ExpectedEntry {
  method: string;
  operationId: string;
  status: number;
  at: number;
  url?: string;
}

export interface World {
  settings: Settings;
  now: number;
  /** False in a session's world, whose clock the fuzz does not drive: instants it mints are unknown. */
  clockKnown: boolean;
  /** The one organization of the world's projects and admin keys. */
  organizationId: string;
  projects: Project[];
  providerCredentials: ProviderCredential[];
  virtualKeys: VirtualKey[];
  apiKeys: AdminKey[];
  vineKeys: VineKey[];
  faults: Map<string, QueuedFault[]>;
  journal: Record<Family, ExpectedEntry[]>;
}

/** What a fresh world holds: entities the fuzz created at start (a seed plan), marked as the baseline. */
export interface Baseline {
  organizationId: string;
  projects: Project[];
  providerCredentials: ProviderCredential[];
  virtualKeys: Array<Pick<VirtualKey, 'id' | 'projectId' | 'name' | 'description' | 'environment' | 'principalUserId' | 'providerCredentialIds' | 'createdAt' | 'secret'>>;
  apiKeys: Array<Omit<AdminKey, 'revokedAt' | 'lastUsedAt' | 'expiresAt'>>;
  vineKeys: Array<Omit<VineKey, 'revokedAt'>>;
}

export function worldAt(baseline: Baseline, settings: Settings, now: number): World {
  return {
    settings,
    now,
    clockKnown: true,
    organizationId: baseline.organizationId,
    projects: baseline.projects.map((p) => ({ ...p })),
    providerCredentials: baseline.providerCredentials.map((c) => ({ ...c })),
    virtualKeys: baseline.virtualKeys.map((k) => ({ ...k, providerCredentialIds: [...k.providerCredentialIds], previous: null, cachedPrevious: null, retired: [], rotations: [], revision: 1, revokedAt: null, lastUsedAt: null })),
    apiKeys: baseline.apiKeys.map((k) => ({ ...k, permissions: [...k.permissions], bindings: k.bindings.map((b) => ({ ...b })), expiresAt: null, lastUsedAt: null, revokedAt: null })),
    vineKeys: baseline.vineKeys.map((k) => ({ ...k, revokedAt: null })),
    faults: new Map(),
    journal: { langwatch: [], vine: [] },
  };
}

/** A world of which the fuzz knows nothing (a session's): none of our credentials or ids exist there. */
export const strangerWorld = (settings: Settings, now: number): World => ({
  ...worldAt({ organizationId: '', projects: [], providerCredentials: [], virtualKeys: [], apiKeys: [], vineKeys: [] }, settings, now),
  clockKnown: false,
});

export const JOURNAL_CAPACITY = 1000;
/** A journal keeps at most this many characters of a URL, then "…[cut: <length> characters]" (docs/server.md). */
export const JOURNAL_URL_KEPT = 512;

export function journal(world: World, family: Family, entry: ExpectedEntry): void {
  const entries = world.journal[family];
  const url = entry.url;
  entries.push(url !== undefined && url.length > JOURNAL_URL_KEPT ? { ...entry, url: `${url.slice(0, JOURNAL_URL_KEPT)}…[cut: ${url.length} characters]` } : entry);
  if (entries.length > JOURNAL_CAPACITY) entries.shift();
}

/** Instants where an answer changes: grace ends, propagation points, admin keys' expiry; the ones clock steps aim at (± 1 ms). */
export function boundaries(world: World): number[] {
  const points = new Set<number>();
  for (const key of world.virtualKeys) {
    if (key.previous) points.add(key.previous.until);
    if (key.cachedPrevious) points.add(key.cachedPrevious.until);
    if (key.revokedAt !== null) points.add(key.revokedAt + world.settings.propagationMs);
  }
  // An admin key works at its expiresAt, not after.
  for (const key of world.apiKeys) if (key.expiresAt !== null && key.expiresAt > world.now) points.add(key.expiresAt);
  return [...points].sort((a, b) => a - b);
}

/** Every credential the world holds or held (for leak checks and for picking wrong ones). */
export function credentialsOf(world: World): { langwatch: string[]; vine: string[] } {
  const langwatch = [
    ...world.projects.map((p) => p.apiKey),
    ...world.virtualKeys.flatMap((k) => [k.secret, ...(k.previous ? [k.previous.secret] : []), ...(k.cachedPrevious ? [k.cachedPrevious.secret] : []), ...k.retired]),
    ...world.apiKeys.map((k) => k.token),
  ];
  return { langwatch, vine: world.vineKeys.map((k) => k.plaintext) };
}
