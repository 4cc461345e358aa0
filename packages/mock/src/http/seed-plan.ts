// The entities a seed file asks for, validated up front (errors name the entry) and then
// created in the cores. Same snake_case shapes as the control plane's bodies; virtual keys
// pick their project by a `ref` declared under `projects` (default: the default project).
import type { SeedApiKeyOptions, SeedVirtualKeyOptions } from '../core/langwatch/seed.js';
import type { SeedVineKeyOptions } from '../core/vine/core.js';
import { readApiKeyInput, readVineKeyInput, readVirtualKeyInput } from './entity-inputs.js';
import { InputError, isPlainObject, joinPath, readFields } from './fields.js';
import type { ServedMocks } from './mocks.js';

export interface SeedPlan {
  projects: Array<{ ref: string }>;
  virtualKeys: Array<{ project: string | undefined; options: SeedVirtualKeyOptions }>;
  apiKeys: SeedApiKeyOptions[];
  vineKeys: SeedVineKeyOptions[];
}

export interface SeededEntities {
  projects: Array<{ ref: string; id: string; api_key: string }>;
  virtual_keys: Array<{ id: string; name: string; project_id: string; secret: string }>;
  api_keys: Array<{ id: string; token: string; role: string; owner_user_id: string }>;
  vine_keys: Array<{ id: string; name: string; plaintext: string }>;
}

export const emptySeedPlan = (): SeedPlan => ({ projects: [], virtualKeys: [], apiKeys: [], vineKeys: [] });

/** Validates a parsed seed file. Throws InputError naming the first bad entry. */
export function parseSeedPlan(json: unknown): SeedPlan {
  const plan = emptySeedPlan();
  if (!isPlainObject(json)) throw new InputError('', 'the seed file must hold a JSON object');
  const top = readFields(json, '', ['$schema', 'langwatch', 'vine']);
  if (top.has('langwatch')) {
    const langwatch = readFields(top.raw('langwatch'), 'langwatch', ['projects', 'virtual_keys', 'api_keys']);
    const refs = new Set<string>();
    (langwatch.array('projects') ?? []).forEach((entry, i) => {
      const where = joinPath('langwatch.projects', i);
      const ref = readFields(entry, where, ['ref']).nonEmptyString('ref');
      if (ref === undefined) throw new InputError(joinPath(where, 'ref'), `${where}.ref is required (a name for virtual_keys[].project)`);
      if (refs.has(ref)) throw new InputError(joinPath(where, 'ref'), `${where}.ref "${ref}" is declared twice`);
      refs.add(ref);
      plan.projects.push({ ref });
    });
    (langwatch.array('virtual_keys') ?? []).forEach((entry, i) => {
      const where = joinPath('langwatch.virtual_keys', i);
      const { project, options } = readVirtualKeyInput(entry, where, 'project');
      if (project !== undefined && !refs.has(project)) {
        throw new InputError(joinPath(where, 'project'), `${where}.project "${project}" is not a ref under langwatch.projects`);
      }
      plan.virtualKeys.push({ project, options });
    });
    (langwatch.array('api_keys') ?? []).forEach((entry, i) => plan.apiKeys.push(readApiKeyInput(entry, joinPath('langwatch.api_keys', i))));
  }
  if (top.has('vine')) {
    const vine = readFields(top.raw('vine'), 'vine', ['keys']);
    (vine.array('keys') ?? []).forEach((entry, i) => plan.vineKeys.push(readVineKeyInput(entry, joinPath('vine.keys', i))));
  }
  return plan;
}

export function applySeedPlan(mocks: ServedMocks, plan: SeedPlan): SeededEntities {
  const { langwatch, vine } = mocks;
  const projectIds = new Map<string, string>();
  const projects = plan.projects.map(({ ref }) => {
    const project = langwatch.seed.project();
    projectIds.set(ref, project.id);
    return { ref, id: project.id, api_key: project.apiKey };
  });
  const virtualKeys = plan.virtualKeys.map(({ project, options }) => {
    const projectId = project === undefined ? langwatch.defaultProject.id : projectIds.get(project)!;
    const { virtual_key, secret } = langwatch.seed.virtualKey({ ...options, projectId });
    return { id: virtual_key.id, name: virtual_key.name, project_id: projectId, secret };
  });
  const apiKeys = plan.apiKeys.map((options) => {
    const key = langwatch.seed.apiKey(options);
    return { id: key.id, token: key.token, role: options.role ?? 'admin', owner_user_id: key.ownerUserId };
  });
  const vineKeys = plan.vineKeys.map((options) => {
    const key = vine.seed.key(options);
    return { id: key.id, name: key.name, plaintext: key.plaintext };
  });
  return { projects, virtual_keys: virtualKeys, api_keys: apiKeys, vine_keys: vineKeys };
}
