// LangWatch's entities as the mock stores them. Plain data, so a snapshot is a structuredClone.
import type { Environment } from '../formats.js';
import { isoTime } from '../iso-time.js';

export interface Project {
  id: string;
  apiKey: string;
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
  previous: { secret: string; validUntil: number } | null;
  revokedAt: number | null;
}

export type ApiKeyRole = 'admin' | 'member';

export interface ApiKeyRecord {
  /** Row id, the `{id}` of DELETE /api/api-keys/{id}. */
  id: string;
  lookupId: string;
  secret: string;
  role: ApiKeyRole;
  permissions: string[];
  ownerUserId: string;
  revokedAt: number | null;
}

export interface LangWatchState {
  projects: Map<string, Project>;
  virtualKeys: Map<string, VirtualKeyRecord>;
  apiKeys: Map<string, ApiKeyRecord>;
}

export function emptyState(): LangWatchState {
  return { projects: new Map(), virtualKeys: new Map(), apiKeys: new Map() };
}

export const tokenOf = (key: ApiKeyRecord): string => `sk-lw-${key.lookupId}_${key.secret}`;

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
