// The LangWatch section of a seed file. Provider credentials and virtual keys pick their project
// by a `ref` declared under `projects` (a project's id may be minted at start). Any entity may
// fix its id and its credential (checked by the seeders' rules), so that a suite can keep them
// in its .env, and virtual keys can name a provider credential.
import { InputError, joinPath, readInput, rules } from '../core/inputs.js';
import type { LangWatchCore } from '../core/langwatch/create.js';

/** What a seed file created, with the credentials to show. */
export type LangWatchSeeded = {
  projects: Array<{ ref: string; id: string; api_key: string; provider_credential_id: string }>;
  provider_credentials: Array<{ id: string; project_id: string; model_provider_name: string; slot: string; disabled_at: string | null }>;
  virtual_keys: Array<{ id: string; name: string; project_id: string; secret: string }>;
  api_keys: Array<{ id: string; token: string; role: string; owner_user_id: string | null }>;
};

const snake = (where: string) => ({ where, naming: 'snake' as const });

/**
 * `{ "projects": [{ "ref" }], "provider-credentials" | "provider_credentials": [...], "virtual-keys" | "virtual_keys": [...],
 * "api-keys" | "api_keys": [...] }`. Provider credentials and virtual keys pick their project by a `ref`
 * declared under `projects` (default: the default project).
 */
export function seedSection(mock: LangWatchCore, section: unknown, where: string, seeded: LangWatchSeeded): void {
  const entities = readInput(
    {
      projects: rules.array,
      'provider-credentials': rules.array,
      provider_credentials: rules.array,
      'virtual-keys': rules.array,
      virtual_keys: rules.array,
      'api-keys': rules.array,
      api_keys: rules.array,
    },
    section,
    where,
    'camel',
  );
  const list = (kebab: 'provider-credentials' | 'virtual-keys' | 'api-keys', snakeName: 'provider_credentials' | 'virtual_keys' | 'api_keys') => {
    if (entities[kebab] && entities[snakeName]) throw new InputError(joinPath(where, kebab), `${where}: give ${kebab} or ${snakeName}, not both`);
    return entities[kebab] ? { name: kebab, items: entities[kebab] } : { name: snakeName, items: entities[snakeName] ?? [] };
  };

  const projectIds = new Map<string, string>();
  (entities.projects ?? []).forEach((entry, i) => {
    const at = joinPath(joinPath(where, 'projects'), i);
    if (!rules.object.accepts(entry)) throw new InputError(at, `${at} must be a JSON object`);
    const { ref, ...given } = entry;
    if (ref === undefined) throw new InputError(joinPath(at, 'ref'), `${at}.ref is required (a name for virtual_keys[].project)`);
    if (!rules.nonEmptyString.accepts(ref)) throw new InputError(joinPath(at, 'ref'), `${at}.ref must be ${rules.nonEmptyString.expected}`);
    if (projectIds.has(ref)) throw new InputError(joinPath(at, 'ref'), `${at}.ref "${ref}" is declared twice`);
    const project = mock.seed.project(given, snake(at));
    projectIds.set(ref, project.id);
    seeded.projects.push({ ref, id: project.id, api_key: project.apiKey, provider_credential_id: project.providerCredentialId });
  });

  /** The entry's options, and the project its `project` ref names (default: the default project). */
  const inProject = (entry: unknown, at: string) => {
    if (!rules.object.accepts(entry)) throw new InputError(at, `${at} must be a JSON object`);
    const { project, project_id: projectId, ...options } = entry;
    if (projectId !== undefined) throw new InputError(joinPath(at, 'project_id'), `${at}.project_id: a seed file names its project by "project", a ref under ${where}.projects`);
    if (project !== undefined && !(rules.nonEmptyString.accepts(project) && projectIds.has(project))) {
      throw new InputError(joinPath(at, 'project'), `${at}.project ${JSON.stringify(project)} is not a ref under ${where}.projects`);
    }
    return { options, target: project === undefined ? mock.defaultProject.id : projectIds.get(project as string)! };
  };

  const credentials = list('provider-credentials', 'provider_credentials');
  credentials.items.forEach((entry, i) => {
    const at = joinPath(joinPath(where, credentials.name), i);
    const { options, target } = inProject(entry, at);
    const credential = mock.seed.providerCredential({ ...options, project_id: target }, snake(at));
    seeded.provider_credentials.push({ id: credential.id, project_id: target, model_provider_name: credential.modelProviderName, slot: credential.slot, disabled_at: credential.disabledAt });
  });

  const virtualKeys = list('virtual-keys', 'virtual_keys');
  virtualKeys.items.forEach((entry, i) => {
    const at = joinPath(joinPath(where, virtualKeys.name), i);
    const { options, target } = inProject(entry, at);
    const { virtual_key, secret } = mock.seed.virtualKey({ ...options, project_id: target }, snake(at));
    seeded.virtual_keys.push({ id: virtual_key.id, name: virtual_key.name, project_id: target, secret });
  });

  const apiKeys = list('api-keys', 'api_keys');
  apiKeys.items.forEach((entry, i) => {
    const key = mock.seed.apiKey(entry, snake(joinPath(joinPath(where, apiKeys.name), i)));
    seeded.api_keys.push({ id: key.id, token: key.token, role: key.role, owner_user_id: key.ownerUserId });
  });
}
