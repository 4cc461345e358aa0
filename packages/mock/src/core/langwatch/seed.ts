// Creating entities directly, as a test's arrange step would, or from JSON (control plane, seed
// file). Both doors share the rules below; nothing is stored unless every option is valid.
import { InputError, readInput, rules, type InputSource, type Rules } from '../inputs.js';
import { MANAGE_PERMISSION } from './api-keys.js';
import { ENVIRONMENTS, formats, type Environment } from './formats.js';
import { tokenOf, virtualKeyView, type ApiKeyRole, type LangWatchContext, type Project, type VirtualKeyView } from './state.js';

export interface SeedVirtualKeyOptions {
  /** Default: the default project. */
  projectId?: string | undefined;
  name?: string | undefined;
  description?: string | null | undefined;
  environment?: Environment | undefined;
  principalUserId?: string | null | undefined;
  providerCredentialIds?: string[] | undefined;
}

export interface SeedApiKeyOptions {
  role?: ApiKeyRole | undefined;
  /** Default: ["organization:manage"]. */
  permissions?: string[] | undefined;
  /** Default: a new user. */
  ownerUserId?: string | undefined;
}

export interface SeededVirtualKey {
  virtual_key: VirtualKeyView;
  secret: string;
}

export interface SeededApiKey {
  id: string;
  token: string;
  role: ApiKeyRole;
  ownerUserId: string;
}

export interface LangWatchSeeder {
  project(): Project;
  /** Throws an InputError (a TypeError) naming the bad option. */
  virtualKey(options?: SeedVirtualKeyOptions): SeededVirtualKey;
  virtualKey(input: unknown, source: InputSource): SeededVirtualKey;
  apiKey(options?: SeedApiKeyOptions): SeededApiKey;
  apiKey(input: unknown, source: InputSource): SeededApiKey;
}

const ROLES = ['admin', 'member'] as const;

const apiKeyRules: Rules<SeedApiKeyOptions> = {
  role: rules.oneOf(ROLES),
  permissions: rules.stringArray,
  ownerUserId: rules.nonEmptyString,
};

export function createLangWatchSeeder(context: LangWatchContext, now: () => number, defaultProjectId: () => string): LangWatchSeeder {
  const virtualKeyRules: Rules<SeedVirtualKeyOptions> = {
    projectId: {
      ...rules.nonEmptyString,
      check(id, field) {
        if (!context.state.projects.has(id)) throw new InputError(field, `${field} "${id}" is not a project of this mock: no project has that id`);
      },
    },
    name: rules.string,
    description: rules.nullableString,
    environment: rules.oneOf(ENVIRONMENTS),
    principalUserId: rules.nullableString,
    providerCredentialIds: rules.stringArray,
  };
  const camel = (where: string): InputSource => ({ where, naming: 'camel' });

  return {
    project() {
      const project = { id: formats.projectId(), apiKey: formats.projectApiKey() };
      context.state.projects.set(project.id, project);
      context.secrets.minted(project.apiKey);
      return { ...project };
    },

    virtualKey(input: unknown = {}, source: InputSource = camel('seed.virtualKey')): SeededVirtualKey {
      const options = readInput(virtualKeyRules, input, source.where, source.naming);
      const environment = options.environment ?? 'live';
      const createdAt = now();
      const key = {
        id: formats.virtualKeyId(),
        projectId: options.projectId ?? defaultProjectId(),
        name: options.name ?? 'Test virtual key',
        description: options.description ?? null,
        environment,
        principalUserId: options.principalUserId ?? null,
        providerCredentialIds: options.providerCredentialIds ?? [],
        revision: 1,
        createdAt,
        lastUsedAt: null,
        secret: formats.virtualKeySecret(environment, createdAt),
        previous: null,
        revokedPrevious: null,
        rotatedAt: [],
        revokedAt: null,
      };
      context.state.virtualKeys.set(key.id, key);
      context.secrets.minted(key.secret);
      return { virtual_key: virtualKeyView(key), secret: key.secret };
    },

    apiKey(input: unknown = {}, source: InputSource = camel('seed.apiKey')): SeededApiKey {
      const options = readInput(apiKeyRules, input, source.where, source.naming);
      const key = {
        id: formats.apiKeyRowId(),
        lookupId: formats.apiKeyLookupId(),
        secret: formats.apiKeySecret(),
        role: options.role ?? 'admin',
        permissions: options.permissions ?? [MANAGE_PERMISSION],
        ownerUserId: options.ownerUserId ?? formats.userId(),
        createdAt: now(),
        revokedAt: null,
      };
      context.state.apiKeys.set(key.id, key);
      context.secrets.minted(tokenOf(key));
      return { id: key.id, token: tokenOf(key), role: key.role, ownerUserId: key.ownerUserId };
    },
  } as LangWatchSeeder;
}
