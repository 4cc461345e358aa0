// The snake_case JSON shapes that create entities, shared by the control plane and the seed
// file, translated to the cores' seed options.
import type { SeedApiKeyOptions, SeedVirtualKeyOptions } from '../core/langwatch/seed.js';
import type { SeedVineKeyOptions } from '../core/vine/core.js';
import { readFields } from './fields.js';

const ENVIRONMENTS = ['live', 'test'] as const;
const ROLES = ['admin', 'member'] as const;

/** Virtual-key fields; `projectField` names the field that picks the project. */
export function readVirtualKeyInput(value: unknown, where: string, projectField: 'project_id' | 'project') {
  const fields = readFields(value, where, [projectField, 'name', 'description', 'environment', 'principal_user_id', 'provider_credential_ids']);
  const options: SeedVirtualKeyOptions = {};
  const name = fields.string('name');
  const description = fields.nullableString('description');
  const environment = fields.oneOf('environment', ENVIRONMENTS);
  const principalUserId = fields.nullableString('principal_user_id');
  const providerCredentialIds = fields.stringArray('provider_credential_ids');
  if (name !== undefined) options.name = name;
  if (description !== undefined) options.description = description;
  if (environment !== undefined) options.environment = environment;
  if (principalUserId !== undefined) options.principalUserId = principalUserId;
  if (providerCredentialIds !== undefined) options.providerCredentialIds = providerCredentialIds;
  return { project: fields.nonEmptyString(projectField), options };
}

export function readApiKeyInput(value: unknown, where: string): SeedApiKeyOptions {
  const fields = readFields(value, where, ['role', 'permissions', 'owner_user_id']);
  const options: SeedApiKeyOptions = {};
  const role = fields.oneOf('role', ROLES);
  const permissions = fields.stringArray('permissions');
  const ownerUserId = fields.nonEmptyString('owner_user_id');
  if (role !== undefined) options.role = role;
  if (permissions !== undefined) options.permissions = permissions;
  if (ownerUserId !== undefined) options.ownerUserId = ownerUserId;
  return options;
}

export function readVineKeyInput(value: unknown, where: string): SeedVineKeyOptions {
  const fields = readFields(value, where, ['name', 'env']);
  const options: SeedVineKeyOptions = {};
  const name = fields.string('name');
  const env = fields.oneOf('env', ENVIRONMENTS);
  if (name !== undefined) options.name = name;
  if (env !== undefined) options.env = env;
  return options;
}
