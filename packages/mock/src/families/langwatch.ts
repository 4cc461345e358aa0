// The LangWatch family: the app API (virtual keys, admin API keys) and the gateway data plane.
import { InputError, joinPath, readInput, rules } from '../core/inputs.js';
import { createLangWatchCore, type LangWatchCore } from '../core/langwatch/create.js';
import { langWatchBaseUrls } from '../core/langwatch/routes.js';
import { virtualKeyView } from '../core/langwatch/state.js';
import type { CredentialsPart, Family } from './family.js';

export interface LangWatchCredentials extends CredentialsPart {
  /** The default project: exists from the start, demo or not. */
  project: { id: string; apiKey: string };
  demo?: {
    virtual_key: { id: string; secret: string };
    admin_api_key: { id: string; token: string; role: 'admin'; owner_user_id: string };
    member_api_key: { id: string; token: string; role: 'member'; owner_user_id: string };
  };
  seeded: {
    projects: Array<{ ref: string; id: string; api_key: string }>;
    virtual_keys: Array<{ id: string; name: string; project_id: string; secret: string }>;
    api_keys: Array<{ id: string; token: string; role: string; owner_user_id: string }>;
  };
}

const snake = (where: string) => ({ where, naming: 'snake' as const });

export const langwatchFamily: Family<'langwatch', LangWatchCore, LangWatchCredentials> = {
  name: 'langwatch',
  baseUrls: langWatchBaseUrls,
  create: (clock, { graceMs, propagationMs, revokedKeyStatus, journalSize }) => createLangWatchCore({ clock, graceMs, propagationMs, revokedKeyStatus, journalSize }),

  entities: {
    projects: {
      create(mock, input, source) {
        readInput({}, input, source.where, source.naming);
        const project = mock.seed.project();
        return { id: project.id, api_key: project.apiKey };
      },
      list: (mock) => [...mock.snapshot().projects.values()].map((p) => ({ id: p.id, api_key: p.apiKey })),
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
          role: key.role,
          permissions: key.permissions,
          owner_user_id: key.ownerUserId,
          revoked_at: key.revokedAt === null ? null : new Date(key.revokedAt).toISOString(),
        })),
    },
  },

  populate(mock, { demo, section, where }) {
    const credentials: LangWatchCredentials = {
      project: { ...mock.defaultProject },
      seeded: { projects: [], virtual_keys: [], api_keys: [] },
    };
    if (demo) {
      const virtualKey = mock.seed.virtualKey({ name: 'Demo virtual key', description: 'Created by revokit-mock at startup' });
      const admin = mock.seed.apiKey({ role: 'admin' });
      const member = mock.seed.apiKey({ role: 'member' });
      credentials.demo = {
        virtual_key: { id: virtualKey.virtual_key.id, secret: virtualKey.secret },
        admin_api_key: { id: admin.id, token: admin.token, role: 'admin', owner_user_id: admin.ownerUserId },
        member_api_key: { id: member.id, token: member.token, role: 'member', owner_user_id: member.ownerUserId },
      };
    }
    if (section !== undefined) seedSection(mock, section, where, credentials.seeded);
    return credentials;
  },

  help: 'the LangWatch API (virtual keys, admin API keys) and its gateway data plane',
  banner: {
    routes: (url, { revokedKeyStatus }) => [
      `LangWatch API       ${url}/api/gateway/v1/virtual-keys/{id}/revoke|rotate, ${url}/api/api-keys/{id}`,
      `LangWatch gateway   ${url}/v1/models, /v1/chat/completions, /v1/embeddings, /v1/messages  (revoked keys get ${revokedKeyStatus})`,
    ],
    settings: ({ graceMs, propagationMs }) => [
      ['grace', graceMs],
      ['propagation', propagationMs],
    ],
    credentials({ project, demo, seeded }) {
      const lines = [`LangWatch project       id ${project.id}  X-Auth-Token ${project.apiKey}`];
      if (demo) {
        lines.push(
          `LangWatch virtual key   id ${demo.virtual_key.id}  secret ${demo.virtual_key.secret}`,
          `LangWatch admin key     role admin   id ${demo.admin_api_key.id}  token ${demo.admin_api_key.token}`,
          `LangWatch admin key     role member  id ${demo.member_api_key.id}  token ${demo.member_api_key.token}`,
        );
      }
      for (const p of seeded.projects) lines.push(`seed project "${p.ref}"  id ${p.id}  X-Auth-Token ${p.api_key}`);
      for (const k of seeded.virtual_keys) lines.push(`seed virtual key  id ${k.id}  project ${k.project_id}  secret ${k.secret}`);
      for (const k of seeded.api_keys) lines.push(`seed admin key    role ${k.role}  id ${k.id}  owner ${k.owner_user_id}  token ${k.token}`);
      return lines;
    },
    exports({ project, demo }) {
      const vars: Array<[string, string]> = [['PROJECT_KEY', project.apiKey]];
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

/**
 * `{ "projects": [{ "ref" }], "virtual-keys" | "virtual_keys": [...], "api-keys" | "api_keys": [...] }`.
 * Virtual keys pick their project by a `ref` declared under `projects` (default: the default project).
 */
function seedSection(mock: LangWatchCore, section: unknown, where: string, seeded: LangWatchCredentials['seeded']): void {
  const entities = readInput(
    { projects: rules.array, 'virtual-keys': rules.array, virtual_keys: rules.array, 'api-keys': rules.array, api_keys: rules.array },
    section,
    where,
    'camel',
  );
  const list = (kebab: 'virtual-keys' | 'api-keys', snakeName: 'virtual_keys' | 'api_keys') => {
    if (entities[kebab] && entities[snakeName]) throw new InputError(joinPath(where, kebab), `${where}: give ${kebab} or ${snakeName}, not both`);
    return entities[kebab] ? { name: kebab, items: entities[kebab] } : { name: snakeName, items: entities[snakeName] ?? [] };
  };

  const projectIds = new Map<string, string>();
  (entities.projects ?? []).forEach((entry, i) => {
    const at = joinPath(joinPath(where, 'projects'), i);
    const { ref } = readInput({ ref: rules.nonEmptyString }, entry, at, 'camel');
    if (ref === undefined) throw new InputError(joinPath(at, 'ref'), `${at}.ref is required (a name for virtual_keys[].project)`);
    if (projectIds.has(ref)) throw new InputError(joinPath(at, 'ref'), `${at}.ref "${ref}" is declared twice`);
    const project = mock.seed.project();
    projectIds.set(ref, project.id);
    seeded.projects.push({ ref, id: project.id, api_key: project.apiKey });
  });

  const virtualKeys = list('virtual-keys', 'virtual_keys');
  virtualKeys.items.forEach((entry, i) => {
    const at = joinPath(joinPath(where, virtualKeys.name), i);
    if (!rules.object.accepts(entry)) throw new InputError(at, `${at} must be a JSON object`);
    const { project, project_id: projectId, ...options } = entry;
    if (projectId !== undefined) throw new InputError(joinPath(at, 'project_id'), `${at}.project_id: a seed file names its project by "project", a ref under ${where}.projects`);
    if (project !== undefined && !(rules.nonEmptyString.accepts(project) && projectIds.has(project))) {
      throw new InputError(joinPath(at, 'project'), `${at}.project ${JSON.stringify(project)} is not a ref under ${where}.projects`);
    }
    const target = project === undefined ? mock.defaultProject.id : projectIds.get(project as string)!;
    const { virtual_key, secret } = mock.seed.virtualKey({ ...options, project_id: target }, snake(at));
    seeded.virtual_keys.push({ id: virtual_key.id, name: virtual_key.name, project_id: target, secret });
  });

  const apiKeys = list('api-keys', 'api_keys');
  apiKeys.items.forEach((entry, i) => {
    const key = mock.seed.apiKey(entry, snake(joinPath(joinPath(where, apiKeys.name), i)));
    seeded.api_keys.push({ id: key.id, token: key.token, role: key.role, owner_user_id: key.ownerUserId });
  });
}
