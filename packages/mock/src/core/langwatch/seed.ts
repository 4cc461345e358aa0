// Creating entities directly, as a test's arrange step would, or from JSON (control plane, seed
// file). Both doors share the rules below; nothing is stored unless every option is valid.
import { realShape, requireFreeCredential, requireFreeId } from '../given.js';
import { InputError, joinPath, nameIn, readInput, rules, type InputSource, type Rules } from '../inputs.js';
import { MANAGE_PERMISSION } from './api-keys.js';
import { ENVIRONMENTS, formats, shapes, type Environment } from './formats.js';
import { heldCredentials, tokenOf, virtualKeyView, type ApiKeyRole, type LangWatchContext, type Project, type VirtualKeyView } from './state.js';

export interface SeedProjectOptions {
  /** Default: minted (project_ + 21 characters). */
  id?: string | undefined;
  /** The project key; default: minted (sk-lw- + 48 characters). */
  apiKey?: string | undefined;
}

export interface SeedVirtualKeyOptions {
  /** Default: the default project. */
  projectId?: string | undefined;
  name?: string | undefined;
  description?: string | null | undefined;
  environment?: Environment | undefined;
  principalUserId?: string | null | undefined;
  providerCredentialIds?: string[] | undefined;
  /** Default: minted (vk_ + 22 characters). */
  id?: string | undefined;
  /** The key's secret, of its environment (lw_vk_{environment}_ + ULID); default: minted. */
  secret?: string | undefined;
}

export interface SeedApiKeyOptions {
  role?: ApiKeyRole | undefined;
  /** Default: ["organization:manage"]. */
  permissions?: string[] | undefined;
  /** Default: a new user. */
  ownerUserId?: string | undefined;
  /** The row id (the {id} of DELETE /api/api-keys/{id}); default: minted. */
  id?: string | undefined;
  /** The token, sk-lw-{lookupId}_{secret}; default: minted. */
  token?: string | undefined;
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
  project(options?: SeedProjectOptions): Project;
  project(input: unknown, source: InputSource): Project;
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
  id: realShape(...shapes.apiKeyRowId),
  token: realShape(...shapes.apiKeyToken),
};

const projectRules: Rules<SeedProjectOptions> = {
  id: realShape(...shapes.projectId),
  apiKey: realShape(...shapes.projectApiKey),
};

/** "langwatch.virtual_keys[0].secret" (or "seed.virtualKey.secret"), as the caller named it. */
const fieldOf = (source: InputSource, name: string) => joinPath(source.where, nameIn(source.naming, name));

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
    id: realShape(...shapes.virtualKeyId),
    secret: realShape(...shapes.virtualKeySecret),
  };
  const camel = (where: string): InputSource => ({ where, naming: 'camel' });
  /** A given credential must be no other entity's: the gateway and the app API find keys by it. */
  const requireFree = (source: InputSource, name: string, credential: string | undefined) => {
    if (credential !== undefined) requireFreeCredential(fieldOf(source, name), credential, heldCredentials(context.state));
  };

  return {
    project(input: unknown = {}, source: InputSource = camel('seed.project')): Project {
      const options = readInput(projectRules, input, source.where, source.naming);
      if (options.id !== undefined) requireFreeId(fieldOf(source, 'id'), options.id, context.state.projects.has(options.id), 'project');
      requireFree(source, 'apiKey', options.apiKey);
      const project = { id: options.id ?? formats.projectId(), apiKey: options.apiKey ?? formats.projectApiKey() };
      context.state.projects.set(project.id, project);
      context.secrets.minted(project.apiKey);
      return { ...project };
    },

    virtualKey(input: unknown = {}, source: InputSource = camel('seed.virtualKey')): SeededVirtualKey {
      const options = readInput(virtualKeyRules, input, source.where, source.naming);
      const environment = options.environment ?? 'live';
      if (options.id !== undefined) requireFreeId(fieldOf(source, 'id'), options.id, context.state.virtualKeys.has(options.id), 'virtual key');
      if (options.secret !== undefined && !options.secret.startsWith(`lw_vk_${environment}_`)) {
        const field = fieldOf(source, 'secret');
        throw new InputError(field, `${field} is not a secret of the key's environment, ${environment}: give ${fieldOf(source, 'environment')} as the secret's, or a lw_vk_${environment}_ secret`);
      }
      requireFree(source, 'secret', options.secret);
      const createdAt = now();
      const key = {
        id: options.id ?? formats.virtualKeyId(),
        projectId: options.projectId ?? defaultProjectId(),
        name: options.name ?? 'Test virtual key',
        description: options.description ?? null,
        environment,
        principalUserId: options.principalUserId ?? null,
        providerCredentialIds: options.providerCredentialIds ?? [],
        revision: 1,
        createdAt,
        lastUsedAt: null,
        secret: options.secret ?? formats.virtualKeySecret(environment, createdAt),
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
      if (options.id !== undefined) requireFreeId(fieldOf(source, 'id'), options.id, context.state.apiKeys.has(options.id), 'API key');
      requireFree(source, 'token', options.token);
      // sk-lw-{lookupId}_{secret}: the shape rule has checked both halves. The app API finds a key by its lookup id.
      const [lookupId, secret] = options.token === undefined ? [formats.apiKeyLookupId(), formats.apiKeySecret()] : options.token.slice('sk-lw-'.length).split('_');
      if ([...context.state.apiKeys.values()].some((other) => other.lookupId === lookupId)) {
        const field = fieldOf(source, 'token');
        throw new InputError(field, `${field} has the lookup id (the 16 characters after sk-lw-) of another API key's token: they must be unique`);
      }
      const key = {
        id: options.id ?? formats.apiKeyRowId(),
        lookupId: lookupId!,
        secret: secret!,
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
