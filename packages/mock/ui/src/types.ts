// The JSON the page reads from the control plane (docs/server.md, "Control plane"). Only the
// fields the page uses are declared; the page treats every value as untrusted text.

export interface ClockView {
  now: string;
  offset_ms: number;
  frozen: boolean;
}

export interface ProjectListing {
  id: string;
  api_key: string;
  organization_id: string;
}

export interface ProviderCredentialListing {
  id: string;
  project_id: string;
  model_provider_name: string;
  slot: string;
  disabled_at: string | null;
}

export interface VirtualKeyListing {
  virtual_key: { id: string; name: string; environment: string; status: string; revision: string; created_at: string; display_prefix: string };
  project_id: string;
  secret: string;
  previous_secret: { secret: string; valid_until: string } | null;
  revoked_at: string | null;
  rotations: Array<{ at: string; grace_until: string }>;
  propagates_at: string | null;
}

export interface ApiKeyListing {
  id: string;
  token: string;
  name: string;
  role: string;
  permissions: string[];
  /** null: a service key. */
  owner_user_id: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface VineKeyListing {
  id: string;
  name: string;
  keyPrefix: string;
  plaintext: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface JournalEntry {
  method: string;
  url: string;
  operation_id: string | null;
  status: number;
  at: string;
}

export interface OperationInfo {
  family: string;
  operation_id: string;
  method: string;
  path: string;
}

export interface SessionInfo {
  id: string;
  created: string;
  last_used: string;
  requests: number;
}

export type FaultView = Record<string, unknown> & { operation_id: string; times: number };

/** Everything the page shows about one world, read in one poll. */
export interface WorldView {
  clock: ClockView;
  projects: ProjectListing[];
  providerCredentials: ProviderCredentialListing[];
  virtualKeys: VirtualKeyListing[];
  apiKeys: ApiKeyListing[];
  vineKeys: VineKeyListing[];
  journal: Record<string, JournalEntry[]>;
  faults: FaultView[];
  operations: OperationInfo[];
}
