// LangWatch's entities as the mock stores them. Plain data, so a snapshot is a structuredClone.
import type { SecretTracker } from '../secrets.js';
import type { Environment } from './formats.js';
import { isoTime } from '../iso-time.js';
import type { VirtualKeyConfig } from './virtual-key-config.js';

export interface Project {
  id: string;
  apiKey: string;
}

/** A model-provider credential bound to the gateway (GatewayProviderCredential): what a virtual key routes to. */
export interface ProviderCredentialRecord {
  id: string;
  projectId: string;
  /** The model provider, e.g. "openai". */
  modelProviderName: string;
  /** Unique per (project, provider): "primary", "secondary", … */
  slot: string;
  createdAt: number;
  /** A disabled credential cannot be put in a virtual key's chain. */
  disabledAt: number | null;
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
  /** The full config, defaults filled in (create and update merge into it). */
  config: VirtualKeyConfig;
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

/** The organization role of the key's user (for a service key: whether it holds organization-wide ADMIN). */
export type ApiKeyRole = 'admin' | 'member';

export type BindingRole = 'ADMIN' | 'MEMBER' | 'VIEWER';
export type BindingScopeType = 'ORGANIZATION' | 'TEAM' | 'PROJECT';

/** A RoleBinding of an API key: a role at a scope. */
export interface RoleBinding {
  id: string;
  role: BindingRole;
  scopeType: BindingScopeType;
  scopeId: string;
}

export interface ApiKeyRecord {
  /** Row id, the `{id}` of DELETE /api/api-keys/{id}. */
  id: string;
  lookupId: string;
  secret: string;
  name: string;
  description: string | null;
  role: ApiKeyRole;
  /** Organization-scope permissions the admin routes check (organization:view, organization:manage). */
  permissions: string[];
  /** What the key grants, listed by GET /api/api-keys; project-scope permissions come from these. */
  bindings: RoleBinding[];
  /** The user the key belongs to; null for a service key. */
  ownerUserId: string | null;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface LangWatchState {
  /** The one organization every project and API key of this mock belongs to. */
  organizationId: string;
  projects: Map<string, Project>;
  providerCredentials: Map<string, ProviderCredentialRecord>;
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

export function emptyState(organizationId: string): LangWatchState {
  return { organizationId, projects: new Map(), providerCredentials: new Map(), virtualKeys: new Map(), apiKeys: new Map() };
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
