// The LangWatch family: the app API (virtual keys, admin API keys) and the gateway data plane.
import { createLangWatchCore, type LangWatchCore } from '../core/langwatch/create.js';
import { langWatchBaseUrls } from '../core/langwatch/routes.js';
import { providerCredentialView } from '../core/langwatch/provider-credentials.js';
import { virtualKeyView, type VirtualKeyRecord } from '../core/langwatch/state.js';
import { snakeKeys } from '../core/inputs.js';
import type { CredentialsPart, Family } from './family.js';
import { seedSection, type LangWatchSeeded } from './langwatch-seed-file.js';

export interface LangWatchCredentials extends CredentialsPart {
  /** The default project and its provider credential: exist from the start, demo or not. */
  project: { id: string; apiKey: string; providerCredentialId: string };
  demo?: {
    virtual_key: { id: string; secret: string };
    admin_api_key: { id: string; token: string; role: 'admin'; owner_user_id: string | null };
    member_api_key: { id: string; token: string; role: 'member'; owner_user_id: string | null };
  };
  seeded: LangWatchSeeded;
}

/** Named, so that declaration files refer to it by name (and never through the root entry, whose types load msw). */
export type LangWatchFamily = Family<'langwatch', LangWatchCore, LangWatchCredentials>;

export const langwatchFamily: LangWatchFamily = {
  name: 'langwatch',
  baseUrls: langWatchBaseUrls,
  create: (clock, { graceMs, propagationMs, revokedKeyStatus, journalSize, credentialScope }) =>
    createLangWatchCore({ clock, graceMs, propagationMs, revokedKeyStatus, journalSize, credentialScope }),

  entities: {
    projects: {
      create(mock, input, source) {
        const project = mock.seed.project(input, source);
        return { id: project.id, api_key: project.apiKey, provider_credential_id: project.providerCredentialId };
      },
      list: (mock) => {
        const { organizationId, projects } = mock.snapshot();
        return [...projects.values()].map((p) => ({ id: p.id, api_key: p.apiKey, organization_id: organizationId }));
      },
    },
    'provider-credentials': {
      create: (mock, input, source) => snakeKeys(mock.seed.providerCredential(input, source)),
      list: (mock) => [...mock.snapshot().providerCredentials.values()].map((credential) => snakeKeys(providerCredentialView(credential))),
    },
    'virtual-keys': {
      create: (mock, input, source) => mock.seed.virtualKey(input, source),
      list: (mock) =>
        [...mock.snapshot().virtualKeys.values()].map((key) => ({
          virtual_key: virtualKeyView(key),
          project_id: key.projectId,
          secret: key.secret,
          previous_secret: key.previous && { secret: key.previous.secret, valid_until: new Date(key.previous.validUntil).toISOString() },
          revoked_at: key.revokedAt === null ? null : new Date(key.revokedAt).toISOString(),
          // Kept and merged as the service does; the API's answers carry only the spec's fields.
          config: key.config,
          ...timelineView(key, mock.settings),
        })),
    },
    'api-keys': {
      create(mock, input, source) {
        const key = mock.seed.apiKey(input, source);
        return { id: key.id, token: key.token, role: key.role, owner_user_id: key.ownerUserId };
      },
      list: (mock) =>
        [...mock.snapshot().apiKeys.values()].map((key) => ({
          id: key.id,
          token: `sk-lw-${key.lookupId}_${key.secret}`,
          name: key.name,
          description: key.description,
          role: key.role,
          permissions: key.permissions,
          role_bindings: key.bindings.map(({ id, role, scopeType, scopeId }) => ({ id, role, scope_type: scopeType, scope_id: scopeId })),
          owner_user_id: key.ownerUserId,
          created_at: new Date(key.createdAt).toISOString(),
          expires_at: key.expiresAt === null ? null : new Date(key.expiresAt).toISOString(),
          last_used_at: key.lastUsedAt === null ? null : new Date(key.lastUsedAt).toISOString(),
          revoked_at: key.revokedAt === null ? null : new Date(key.revokedAt).toISOString(),
        })),
    },
  },

  populate(mock, { demo, section, where }) {
    const credentials: LangWatchCredentials = {
      project: { ...mock.defaultProject },
      seeded: { projects: [], provider_credentials: [], virtual_keys: [], api_keys: [] },
    };
    if (demo) {
      const virtualKey = mock.seed.virtualKey({ name: 'Demo virtual key', description: 'Created by revokit-mock at startup' });
      const admin = mock.seed.apiKey({ role: 'admin', name: 'Demo admin key' });
      const member = mock.seed.apiKey({ role: 'member', name: 'Demo member key' });
      credentials.demo = {
        virtual_key: { id: virtualKey.virtual_key.id, secret: virtualKey.secret },
        admin_api_key: { id: admin.id, token: admin.token, role: 'admin', owner_user_id: admin.ownerUserId },
        member_api_key: { id: member.id, token: member.token, role: 'member', owner_user_id: member.ownerUserId },
      };
    }
    if (section !== undefined) seedSection(mock, section, where, credentials.seeded);
    return credentials;
  },

  help: 'the LangWatch API (virtual keys, provider credentials, admin API keys) and its gateway data plane',
  banner: {
    routes: (url, { revokedKeyStatus }) => [
      `LangWatch API       ${url}/api/gateway/v1/virtual-keys[/{id}[/revoke|rotate]], ${url}/api/api-keys[/{id}]`,
      `LangWatch gateway   ${url}/v1/models, /v1/chat/completions, /v1/embeddings, /v1/messages  (revoked keys get ${revokedKeyStatus})`,
    ],
    settings: ({ graceMs, propagationMs }) => [
      ['grace', graceMs],
      ['propagation', propagationMs],
    ],
    credentials({ project, demo, seeded }) {
      const lines = [`LangWatch project       id ${project.id}  X-Auth-Token ${project.apiKey}  provider credential ${project.providerCredentialId}`];
      if (demo) {
        lines.push(
          `LangWatch virtual key   id ${demo.virtual_key.id}  secret ${demo.virtual_key.secret}`,
          `LangWatch admin key     role admin   id ${demo.admin_api_key.id}  token ${demo.admin_api_key.token}`,
          `LangWatch admin key     role member  id ${demo.member_api_key.id}  token ${demo.member_api_key.token}`,
        );
      }
      for (const p of seeded.projects) lines.push(`seed project "${p.ref}"  id ${p.id}  X-Auth-Token ${p.api_key}  provider credential ${p.provider_credential_id}`);
      for (const c of seeded.provider_credentials) lines.push(`seed provider credential  id ${c.id}  project ${c.project_id}  ${c.model_provider_name}/${c.slot}${c.disabled_at === null ? '' : '  (disabled)'}`);
      for (const k of seeded.virtual_keys) lines.push(`seed virtual key  id ${k.id}  project ${k.project_id}  secret ${k.secret}`);
      for (const k of seeded.api_keys) lines.push(`seed admin key    role ${k.role}  id ${k.id}  owner ${k.owner_user_id}  token ${k.token}`);
      return lines;
    },
    exports({ project, demo }) {
      const vars: Array<[string, string]> = [
        ['PROJECT_KEY', project.apiKey],
        ['PROVIDER_CREDENTIAL_ID', project.providerCredentialId],
      ];
      if (demo) {
        vars.push(
          ['VK_ID', demo.virtual_key.id],
          ['VK_SECRET', demo.virtual_key.secret],
          ['ADMIN_KEY', demo.admin_api_key.token],
          ['ADMIN_KEY_ID', demo.admin_api_key.id],
          ['MEMBER_KEY', demo.member_api_key.token],
          ['MEMBER_KEY_ID', demo.member_api_key.id],
        );
      }
      return vars;
    },
  },
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A virtual key's life as the gateway sees it: each rotation and until when the secret it retired
 * was still accepted (its grace, cut short by the next rotation, which forgets it), and when a
 * revocation reaches the data plane.
 */
function timelineView(key: VirtualKeyRecord, { graceMs, propagationMs }: LangWatchCore['settings']) {
  return {
    // A retired secret works until its grace ends, the next rotation forgets it, or a revocation reaches the gateway.
    rotations: key.rotatedAt.map((at, i) => ({
      at: iso(at),
      grace_until: iso(Math.min(at + graceMs, key.rotatedAt[i + 1] ?? Infinity, key.revokedAt === null ? Infinity : key.revokedAt + propagationMs)),
    })),
    propagates_at: key.revokedAt === null ? null : iso(key.revokedAt + propagationMs),
  };
}
