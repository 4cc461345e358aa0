// LangWatch's entities as the mock stores them. Plain data, so a snapshot is a structuredClone.
import type { SecretTracker } from '../secrets.js';
import type { Environment } from './formats.js';
import { isoTime } from '../iso-time.js';

export interface Project {
  id: string;
  apiKey: string;
}

export interface PreviousSecret {
  secret: string;
  validUntil: number;
}

export interface VirtualKeyRecord {
  id: string;
  projectId: string;
  name: string;
  description: string | null;
  environment: Environment;
  principalUserId: string | null;
  providerCredentialIds: string[];
  revision: number;
  createdAt: number;
  lastUsedAt: number | null;
  secret: string;
  /** The secret that was current before the last rotation, and when it stops working. */
  previous: PreviousSecret | null;
  /**
   * The previous secret a revocation cleared (the real service clears it in the revoke's own
   * write): gateway caches still accept it, within its grace window, until the revocation propagates.
   */
  revokedPrevious: PreviousSecret | null;
  /** When the last ROTATIONS_KEPT rotations happened, oldest first (the dashboard's timeline draws them). */
  rotatedAt: number[];
  revokedAt: number | null;
}

/** A key rotated a million times in a soak must not hold a million instants, nor list them. */
export const ROTATIONS_KEPT = 100;

export type ApiKeyRole = 'admin' | 'member';

export interface ApiKeyRecord {
  /** Row id, the `{id}` of DELETE /api/api-keys/{id}. */
  id: string;
  lookupId: string;
  secret: string;
  role: ApiKeyRole;
  permissions: string[];
  ownerUserId: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface LangWatchState {
  projects: Map<string, Project>;
  virtualKeys: Map<string, VirtualKeyRecord>;
  apiKeys: Map<string, ApiKeyRecord>;
}

/** What every LangWatch behaviour is handed: the live state and the timing settings. */
export interface LangWatchContext {
  /** Stable object; reset() swaps its maps, never the object itself. */
  state: LangWatchState;
  /** How long a rotated-out secret keeps working. */
  graceMs: number;
  /** How long the data plane takes to see a revocation. */
  propagationMs: number;
  /** Told of every credential minted or rotated out, for redaction. */
  secrets: SecretTracker;
  /** What the data plane answers a revoked key with, once it sees the revocation. */
  revokedKeyStatus: RevokedKeyStatus;
}

/** 401 as the spec's revoke description says; 403 as the production gateway answers since August 2026. */
export type RevokedKeyStatus = 401 | 403;

export function emptyState(): LangWatchState {
  return { projects: new Map(), virtualKeys: new Map(), apiKeys: new Map() };
}

export const tokenOf = (key: ApiKeyRecord): string => `sk-lw-${key.lookupId}_${key.secret}`;

/** Every credential the state holds: project keys, virtual-key secrets (the previous too), admin tokens. */
export function* heldCredentials(state: LangWatchState): Generator<string> {
  for (const project of state.projects.values()) yield project.apiKey;
  for (const key of state.virtualKeys.values()) {
    yield key.secret;
    if (key.previous) yield key.previous.secret;
    if (key.revokedPrevious) yield key.revokedPrevious.secret;
  }
  for (const key of state.apiKeys.values()) yield tokenOf(key);
}

export const displayPrefixLength = 18;

/** The virtual key as the API returns it. */
export function virtualKeyView(key: VirtualKeyRecord) {
  return {
    id: key.id,
    display_prefix: key.secret.slice(0, displayPrefixLength),
    name: key.name,
    description: key.description,
    environment: key.environment,
    status: key.revokedAt === null ? ('active' as const) : ('revoked' as const),
    principal_user_id: key.principalUserId,
    provider_credential_ids: [...key.providerCredentialIds],
    revision: String(key.revision),
    last_used_at: key.lastUsedAt === null ? null : isoTime(key.lastUsedAt),
    created_at: isoTime(key.createdAt),
  };
}

export type VirtualKeyView = ReturnType<typeof virtualKeyView>;
