// Creating entities directly, as a test's arrange step would, or from JSON (control plane, seed
// file). Both doors share the rules below; nothing is stored unless every option is valid. The
// entities themselves are made by mint.ts, as the API's own create operations make them.
import { realShape, requireFreeCredential, requireFreeId } from '../given.js';
import { InputError, joinPath, nameIn, readInput, rules, type InputSource, type Rule, type Rules } from '../inputs.js';
import { MANAGE_PERMISSION } from './admin-auth.js';
import { ENVIRONMENTS, formats, shapes, type Environment } from './formats.js';
import { mintApiKey, mintProject, mintProviderCredential, mintVirtualKey } from './mint.js';
import { bindingsForPermissions, organizationPermissionsOf } from './permissions.js';
import { enabledCredentialsOf, providerCredentialView, type ProviderCredentialView } from './provider-credentials.js';
import { heldCredentials, tokenOf, virtualKeyView, type ApiKeyRole, type LangWatchContext, type Project, type RoleBinding, type VirtualKeyView } from './state.js';

/** A project, and the provider credential it starts with. */
export interface SeededProject extends Project {
  providerCredentialId: string;
}

export interface SeedProjectOptions {
  /** Default: minted (project_ + 21 characters). */
  id?: string | undefined;
  /** The project key; default: minted (sk-lw- + 48 characters). */
  apiKey?: string | undefined;
  /** The id of the provider credential the project starts with; default: minted. */
  providerCredentialId?: string | undefined;
}

export interface SeedProviderCredentialOptions {
  /** Default: the default project. */
  projectId?: string | undefined;
  /** Default "openai". */
  modelProviderName?: string | undefined;
  /** Default "primary"; unique per project and provider. */
  slot?: string | undefined;
  /** A disabled credential cannot go into a virtual key (default false). */
  disabled?: boolean | undefined;
  /** A fixed id, so that a seed file's virtual keys can name it. Default: a new one. */
  id?: string | undefined;
}

export interface SeedVirtualKeyOptions {
  /** Default: the default project. */
  projectId?: string | undefined;
  name?: string | undefined;
  description?: string | null | undefined;
  environment?: Environment | undefined;
  principalUserId?: string | null | undefined;
  /** Default: the project's first enabled provider credential. Not checked: an arrange step may name any. */
  providerCredentialIds?: string[] | undefined;
  /** Default: minted (vk_ + 22 characters). */
  id?: string | undefined;
  /** The key's secret, of its environment (lw_vk_{environment}_ + ULID); default: minted. */
  secret?: string | undefined;
}

export type SeedRoleBinding = Omit<RoleBinding, 'id'>;

export interface SeedApiKeyOptions {
  /** The organization role of the key's user (default "admin"). */
  role?: ApiKeyRole | undefined;
  /** Organization permissions (default ["organization:manage"], or what `bindings` give). */
  permissions?: string[] | undefined;
  /** Default: a new user. null: a service key, owned by no one. */
  ownerUserId?: string | null | undefined;
  /** Default "Test API key". */
  name?: string | undefined;
  description?: string | null | undefined;
  /** Default: ADMIN at the organization when `permissions` include organization:manage. */
  bindings?: SeedRoleBinding[] | undefined;
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
  ownerUserId: string | null;
}

export interface LangWatchSeeder {
  project(options?: SeedProjectOptions): SeededProject;
  project(input: unknown, source: InputSource): SeededProject;
  /** Throws an InputError (a TypeError) naming the bad option. */
  providerCredential(options?: SeedProviderCredentialOptions): ProviderCredentialView;
  providerCredential(input: unknown, source: InputSource): ProviderCredentialView;
  virtualKey(options?: SeedVirtualKeyOptions): SeededVirtualKey;
  virtualKey(input: unknown, source: InputSource): SeededVirtualKey;
  apiKey(options?: SeedApiKeyOptions): SeededApiKey;
  apiKey(input: unknown, source: InputSource): SeededApiKey;
}

const ROLES = ['admin', 'member'] as const;
const BINDING_ROLES = ['ADMIN', 'MEMBER', 'VIEWER'] as const;
const SCOPE_TYPES = ['ORGANIZATION', 'TEAM', 'PROJECT'] as const;


/** "langwatch.virtual_keys[0].secret" (or "seed.virtualKey.secret"), as the caller named it. */
const fieldOf = (source: InputSource, name: string) => joinPath(source.where, nameIn(source.naming, name));

export function createLangWatchSeeder(context: LangWatchContext, now: () => number, defaultProjectId: () => string): LangWatchSeeder {
  const { state } = context;
  const projectId: Rule<string> = {
    ...rules.nonEmptyString,
    check(id, field) {
      if (!state.projects.has(id)) throw new InputError(field, `${field} "${id}" is not a project of this mock: no project has that id`);
    },
  };
  const bindingRules: Rules<SeedRoleBinding> = { role: rules.oneOf(BINDING_ROLES), scopeType: rules.oneOf(SCOPE_TYPES), scopeId: rules.nonEmptyString };
  /** A complete binding, on a scope this mock has: its organization or one of its projects (it has no teams). */
  const readBinding = (entry: unknown, at: string, naming: InputSource['naming']): SeedRoleBinding => {
    const binding = readInput(bindingRules, entry, at, naming);
    for (const name of ['role', 'scopeType', 'scopeId'] as const) {
      const field = joinPath(at, nameIn(naming, name));
      if (binding[name] === undefined) throw new InputError(field, `${field} is required`);
    }
    const onScope = binding.scopeType === 'ORGANIZATION' ? binding.scopeId === state.organizationId : binding.scopeType === 'PROJECT' && state.projects.has(binding.scopeId);
    if (!onScope) throw new InputError(joinPath(at, nameIn(naming, 'scopeId')), `${at} is on no scope of this mock: its organization is "${state.organizationId}", it has projects and no teams`);
    return binding;
  };
  const bindings = (naming: InputSource['naming']): Rule<SeedRoleBinding[]> => ({
    expected: 'an array of role bindings',
    accepts: (value): value is SeedRoleBinding[] => Array.isArray(value),
    check: (list, field) => list.forEach((entry, i) => readBinding(entry, joinPath(field, i), naming)),
  });
  const credentialRules: Rules<SeedProviderCredentialOptions> = {
    projectId,
    modelProviderName: rules.nonEmptyString,
    slot: rules.nonEmptyString,
    disabled: rules.boolean,
    id: {
      ...rules.nonEmptyString,
      check(id, field) {
        if (state.providerCredentials.has(id)) throw new InputError(field, `${field} "${id}" is already a provider credential of this mock`);
      },
    },
  };
  const virtualKeyRules: Rules<SeedVirtualKeyOptions> = {
    projectId,
    name: rules.string,
    description: rules.nullableString,
    environment: rules.oneOf(ENVIRONMENTS),
    principalUserId: rules.nullableString,
    providerCredentialIds: rules.stringArray,
    id: realShape(...shapes.virtualKeyId),
    secret: realShape(...shapes.virtualKeySecret),
  };
  const apiKeyRules = (naming: InputSource['naming']): Rules<SeedApiKeyOptions> => ({
    role: rules.oneOf(ROLES),
    permissions: rules.stringArray,
    ownerUserId: { expected: 'a non-empty string or null (a service key)', accepts: (v): v is string | null => v === null || rules.nonEmptyString.accepts(v) },
    name: rules.string,
    description: rules.nullableString,
    bindings: bindings(naming),
    id: realShape(...shapes.apiKeyRowId),
    token: realShape(...shapes.apiKeyToken),
  });
  const projectRules: Rules<SeedProjectOptions> = {
    id: realShape(...shapes.projectId),
    apiKey: realShape(...shapes.projectApiKey),
    providerCredentialId: credentialRules.id!,
  };
  const camel = (where: string): InputSource => ({ where, naming: 'camel' });
  /** A given credential must be no other entity's: the gateway and the app API find keys by it. */
  const requireFree = (source: InputSource, name: string, credential: string | undefined) => {
    if (credential !== undefined) requireFreeCredential(fieldOf(source, name), credential, heldCredentials(state));
  };

  return {
    project(input: unknown = {}, source: InputSource = camel('seed.project')): SeededProject {
      const options = readInput(projectRules, input, source.where, source.naming);
      if (options.id !== undefined) requireFreeId(fieldOf(source, 'id'), options.id, state.projects.has(options.id), 'project');
      requireFree(source, 'apiKey', options.apiKey);
      const { project, providerCredential } = mintProject(context, now(), options);
      return { ...project, providerCredentialId: providerCredential.id };
    },

    providerCredential(input: unknown = {}, source: InputSource = camel('seed.providerCredential')) {
      const options = readInput(credentialRules, input, source.where, source.naming);
      const fields = {
        projectId: options.projectId ?? defaultProjectId(),
        modelProviderName: options.modelProviderName ?? 'openai',
        slot: options.slot ?? 'primary',
        disabled: options.disabled ?? false,
        ...(options.id === undefined ? {} : { id: options.id }),
      };
      // @@unique([projectId, modelProviderId, slot]) (langwatch/prisma/schema.prisma:1683)
      for (const other of state.providerCredentials.values()) {
        if (other.projectId === fields.projectId && other.modelProviderName === fields.modelProviderName && other.slot === fields.slot) {
          const field = joinPath(source.where, 'slot');
          throw new InputError(field, `${field}: project ${fields.projectId} already has a ${fields.modelProviderName} credential in slot "${fields.slot}"`);
        }
      }
      return providerCredentialView(mintProviderCredential(context, fields, now()));
    },

    virtualKey(input: unknown = {}, source: InputSource = camel('seed.virtualKey')): SeededVirtualKey {
      const options = readInput(virtualKeyRules, input, source.where, source.naming);
      const project = options.projectId ?? defaultProjectId();
      const environment = options.environment ?? 'live';
      if (options.id !== undefined) requireFreeId(fieldOf(source, 'id'), options.id, state.virtualKeys.has(options.id), 'virtual key');
      if (options.secret !== undefined && !options.secret.startsWith(`lw_vk_${environment}_`)) {
        const field = fieldOf(source, 'secret');
        throw new InputError(field, `${field} is not a secret of the key's environment, ${environment}: give ${fieldOf(source, 'environment')} as the secret's, or a lw_vk_${environment}_ secret`);
      }
      requireFree(source, 'secret', options.secret);
      const key = mintVirtualKey(
        context,
        {
          projectId: project,
          name: options.name ?? 'Test virtual key',
          description: options.description ?? null,
          environment,
          principalUserId: options.principalUserId ?? null,
          providerCredentialIds: options.providerCredentialIds ?? enabledCredentialsOf(state, project).slice(0, 1).map((credential) => credential.id),
          id: options.id,
          secret: options.secret,
        },
        now(),
      );
      return { virtual_key: virtualKeyView(key), secret: key.secret };
    },

    apiKey(input: unknown = {}, source: InputSource = camel('seed.apiKey')): SeededApiKey {
      const options = readInput(apiKeyRules(source.naming), input, source.where, source.naming);
      if (options.bindings) options.bindings = options.bindings.map((entry, i) => readBinding(entry, joinPath(joinPath(source.where, 'bindings'), i), source.naming));
      if (options.id !== undefined) requireFreeId(fieldOf(source, 'id'), options.id, state.apiKeys.has(options.id), 'API key');
      requireFree(source, 'token', options.token);
      // sk-lw-{lookupId}_{secret}: the shape rule has checked both halves. The app API finds a key by its lookup id.
      const [lookupId, secret] = options.token === undefined ? [undefined, undefined] : options.token.slice('sk-lw-'.length).split('_');
      if (lookupId !== undefined && [...state.apiKeys.values()].some((other) => other.lookupId === lookupId)) {
        const field = fieldOf(source, 'token');
        throw new InputError(field, `${field} has the lookup id (the 16 characters after sk-lw-) of another API key's token: they must be unique`);
      }
      const permissions = options.permissions ?? (options.bindings ? organizationPermissionsOf(options.bindings, state.organizationId) : [MANAGE_PERMISSION]);
      const key = mintApiKey(
        context,
        {
          name: options.name ?? 'Test API key',
          description: options.description ?? null,
          role: options.role ?? 'admin',
          permissions,
          bindings: options.bindings ?? bindingsForPermissions(permissions, state.organizationId),
          ownerUserId: options.ownerUserId === undefined ? formats.userId() : options.ownerUserId,
          expiresAt: null,
          id: options.id,
          lookupId,
          secret,
        },
        now(),
      );
      return { id: key.id, token: tokenOf(key), role: key.role, ownerUserId: key.ownerUserId };
    },
  } as LangWatchSeeder;
}
