// The one way each LangWatch entity comes into being, whoever asks: a seeder (a test's arrange step,
// the control plane, a seed file) or an API behaviour. Inputs are already valid here; every new
// credential is stored and told to the secret tracker, so redaction covers it at once.
import { formats } from './formats.js';
import { defaultConfig, mergeConfig } from './virtual-key-config.js';
import { tokenOf, type ApiKeyRecord, type ApiKeyRole, type LangWatchContext, type Project, type ProviderCredentialRecord, type RoleBinding, type VirtualKeyRecord } from './state.js';

export interface ProviderCredentialFields {
  projectId: string;
  modelProviderName: string;
  slot: string;
  disabled: boolean;
  /** A fixed id (a seed file's); default: a new one. */
  id?: string | undefined;
}

export function mintProviderCredential(context: LangWatchContext, fields: ProviderCredentialFields, now: number): ProviderCredentialRecord {
  const credential = {
    id: fields.id ?? formats.providerCredentialId(),
    projectId: fields.projectId,
    modelProviderName: fields.modelProviderName,
    slot: fields.slot,
    createdAt: now,
    disabledAt: fields.disabled ? now : null,
  };
  context.state.providerCredentials.set(credential.id, credential);
  return credential;
}

/** An id or credential a caller gave (core/given.ts has checked it); default: minted. */
export interface GivenProject {
  id?: string | undefined;
  apiKey?: string | undefined;
  /** The id of the provider credential it starts with. */
  providerCredentialId?: string | undefined;
}

/** A project, with the provider credential every project starts with (so that a virtual key can be created in it). */
export function mintProject(context: LangWatchContext, now: number, given: GivenProject = {}): { project: Project; providerCredential: ProviderCredentialRecord } {
  const project = { id: given.id ?? formats.projectId(), apiKey: given.apiKey ?? formats.projectApiKey() };
  context.state.projects.set(project.id, project);
  context.secrets.minted(project.apiKey);
  const providerCredential = mintProviderCredential(context, { projectId: project.id, modelProviderName: 'openai', slot: 'primary', disabled: false, id: given.providerCredentialId }, now);
  return { project, providerCredential };
}

/** What a creator decides of a new key; the rest is minted or starts empty. */
export interface VirtualKeyFields extends Pick<VirtualKeyRecord, 'projectId' | 'name' | 'description' | 'environment' | 'principalUserId' | 'providerCredentialIds'> {
  /** Sections to merge into the default config. */
  config?: Record<string, unknown>;
  /** Given by a seed (core/given.ts has checked them); default: minted. */
  id?: string | undefined;
  secret?: string | undefined;
}

/** Revision 1, secret lw_vk_{env}_ + ULID of now: as the service creates a key (virtualKey.service.ts:122-185). */
export function mintVirtualKey(context: LangWatchContext, fields: VirtualKeyFields, now: number): VirtualKeyRecord {
  const key: VirtualKeyRecord = {
    id: fields.id ?? formats.virtualKeyId(),
    projectId: fields.projectId,
    name: fields.name,
    description: fields.description,
    environment: fields.environment,
    principalUserId: fields.principalUserId,
    providerCredentialIds: [...fields.providerCredentialIds],
    config: mergeConfig(defaultConfig(), fields.config),
    revision: 1,
    createdAt: now,
    lastUsedAt: null,
    secret: fields.secret ?? formats.virtualKeySecret(fields.environment, now),
    previous: null,
    revokedPrevious: null,
    rotatedAt: [],
    revokedAt: null,
  };
  context.state.virtualKeys.set(key.id, key);
  context.secrets.minted(key.secret);
  return key;
}

export interface ApiKeyFields {
  name: string;
  description: string | null;
  role: ApiKeyRole;
  permissions: string[];
  bindings: Array<Omit<RoleBinding, 'id'>>;
  /** null: a service key. */
  ownerUserId: string | null;
  expiresAt: number | null;
  /** Given by a seed (core/given.ts has checked them); default: minted. */
  id?: string | undefined;
  lookupId?: string | undefined;
  secret?: string | undefined;
}

/** Token sk-lw-{16}_{48}; the row id is unrelated to it (api-key-token.utils.ts:5-66; prisma ApiKey.id @default(nanoid())). */
export function mintApiKey(context: LangWatchContext, fields: ApiKeyFields, now: number): ApiKeyRecord {
  const key: ApiKeyRecord = {
    id: fields.id ?? formats.apiKeyRowId(),
    lookupId: fields.lookupId ?? formats.apiKeyLookupId(),
    secret: fields.secret ?? formats.apiKeySecret(),
    name: fields.name,
    description: fields.description,
    role: fields.role,
    permissions: [...fields.permissions],
    bindings: fields.bindings.map((binding) => ({ id: formats.roleBindingId(), ...binding })),
    ownerUserId: fields.ownerUserId,
    createdAt: now,
    expiresAt: fields.expiresAt,
    lastUsedAt: null,
    revokedAt: null,
  };
  context.state.apiKeys.set(key.id, key);
  context.secrets.minted(tokenOf(key));
  return key;
}
