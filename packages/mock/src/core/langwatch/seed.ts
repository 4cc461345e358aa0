// Creating entities directly, as a test's arrange step would. Bad options throw a TypeError
// naming the option; nothing is stored unless every option is valid.
import { formats, type Environment } from '../formats.js';
import type { LangWatchContext } from './context.js';
import { MANAGE_PERMISSION } from './api-keys.js';
import { tokenOf, virtualKeyView, type ApiKeyRole, type Project } from './state.js';

export interface SeedVirtualKeyOptions {
  projectId?: string;
  name?: string;
  description?: string | null;
  environment?: Environment;
  principalUserId?: string | null;
  providerCredentialIds?: string[];
}

export interface SeedApiKeyOptions {
  role?: ApiKeyRole;
  permissions?: string[];
  ownerUserId?: string;
}

export interface SeededApiKey {
  id: string;
  token: string;
  ownerUserId: string;
}

export function createLangWatchSeeder(context: LangWatchContext, now: () => number, defaultProjectId: () => string) {
  return {
    project(): Project {
      const project = { id: formats.projectId(), apiKey: formats.projectApiKey() };
      context.state.projects.set(project.id, project);
      context.secrets.minted(project.apiKey);
      return { ...project };
    },

    virtualKey(options: SeedVirtualKeyOptions = {}) {
      const projectId = options.projectId ?? defaultProjectId();
      if (!context.state.projects.has(projectId)) throw new TypeError(`seed.virtualKey: no project with id "${projectId}"`);
      const environment = options.environment ?? 'live';
      if (environment !== 'live' && environment !== 'test') throw new TypeError('seed.virtualKey: environment must be "live" or "test"');
      optionalString('seed.virtualKey', 'name', options.name);
      nullableString('seed.virtualKey', 'description', options.description);
      nullableString('seed.virtualKey', 'principalUserId', options.principalUserId);
      stringArray('seed.virtualKey', 'providerCredentialIds', options.providerCredentialIds);
      const createdAt = now();
      const key = {
        id: formats.virtualKeyId(),
        projectId,
        name: options.name ?? 'Test virtual key',
        description: options.description ?? null,
        environment,
        principalUserId: options.principalUserId ?? null,
        providerCredentialIds: [...(options.providerCredentialIds ?? [])],
        revision: 1,
        createdAt,
        lastUsedAt: null,
        secret: formats.virtualKeySecret(environment, createdAt),
        previous: null,
        revokedAt: null,
      };
      context.state.virtualKeys.set(key.id, key);
      context.secrets.minted(key.secret);
      return { virtual_key: virtualKeyView(key), secret: key.secret };
    },

    apiKey(options: SeedApiKeyOptions = {}): SeededApiKey {
      const role = options.role ?? 'admin';
      if (role !== 'admin' && role !== 'member') throw new TypeError('seed.apiKey: role must be "admin" or "member"');
      stringArray('seed.apiKey', 'permissions', options.permissions);
      optionalString('seed.apiKey', 'ownerUserId', options.ownerUserId);
      const key = {
        id: formats.apiKeyRowId(),
        lookupId: formats.apiKeyLookupId(),
        secret: formats.apiKeySecret(),
        role,
        permissions: [...(options.permissions ?? [MANAGE_PERMISSION])],
        ownerUserId: options.ownerUserId ?? formats.userId(),
        revokedAt: null,
      };
      context.state.apiKeys.set(key.id, key);
      context.secrets.minted(tokenOf(key));
      return { id: key.id, token: tokenOf(key), ownerUserId: key.ownerUserId };
    },
  };
}

function optionalString(where: string, name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'string') throw new TypeError(`${where}: ${name} must be a string`);
}

function nullableString(where: string, name: string, value: unknown): void {
  if (value !== null) optionalString(where, name, value);
}

function stringArray(where: string, name: string, value: unknown): void {
  if (value !== undefined && !(Array.isArray(value) && value.every((item) => typeof item === 'string'))) {
    throw new TypeError(`${where}: ${name} must be an array of strings`);
  }
}
