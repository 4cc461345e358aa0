// List, get, create and update of virtual keys by our rules (docs/divergences.md, "Virtual keys:
// list, create, get, update"): the caller's project only, newest first with revoked keys; the
// body's rules (only those the fuzz's bodies exercise: zod's exact messages are another test's);
// provider credentials of the project, then the name; the update's merge rules.
import { expect } from 'vitest';
import { error, projectCaller, used, viewOf, type Caller } from './app-rules.js';
import type { Answer } from './answer.js';
import { ANY } from './routes.js';
import type { Family, VirtualKey, World } from './world.js';

type Headers = Readonly<Record<string, string>>;
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

const nested = (status: number, type: string, code: string, message: string): Answer => ({ status, body: { error: { type, code, message } } });
const invalidBody = (): Answer => ({ ...nested(400, 'bad_request', 'validation_error', ANY), rule: 'invalid body' });
const malformed = (): Answer => ({ ...nested(400, 'bad_request', 'malformed_request', 'The request body could not be parsed.'), rule: 'body not JSON' });
const badChain = (): Answer => ({ ...nested(400, 'bad_request', 'bad_request', 'One or more provider credentials do not belong to this project or are disabled'), rule: 'unusable provider credential' });
const conflict = (): Answer => ({ ...error(409, 'Conflict', 'Unique constraint violated on projectId, name'), rule: 'name taken' });

/** Keys made at the same instant come in reverse order of creation. */
function newestFirst(world: World, projectId: string): VirtualKey[] {
  return world.virtualKeys
    .map((key, order) => ({ key, order }))
    .filter(({ key }) => key.projectId === projectId)
    .sort((a, b) => b.key.createdAt - a.key.createdAt || b.order - a.order)
    .map(({ key }) => key);
}

export function listVirtualKeys(world: World, headers: Headers): Answer {
  const found = projectCaller(world, headers, 'view');
  if ('answer' in found) return found.answer;
  return used(found.caller.apiKey, world, { status: 200, body: { data: newestFirst(world, found.caller.project.id).map((key) => viewOf(key)) } });
}

export function getVirtualKey(world: World, headers: Headers, id: string | undefined): Answer {
  const found = projectCaller(world, headers, 'view');
  if ('answer' in found) return found.answer;
  const key = world.virtualKeys.find((k) => k.id === id && k.projectId === found.caller.project.id);
  if (!key) return nested(404, 'not_found', 'virtual_key_not_found', 'virtual key not found');
  return used(found.caller.apiKey, world, { status: 200, body: { virtual_key: viewOf(key) } });
}

/** The JSON body, or undefined when it does not parse. */
function parse(body: string | undefined): { json: unknown } | undefined {
  try {
    return { json: JSON.parse(body ?? '') };
  } catch {
    return undefined;
  }
}

/** The config sections the fuzz sends: an object whose `cache`, if any, is an object with a known mode. */
const validConfig = (config: unknown) =>
  config === undefined || (isObject(config) && (config.cache === undefined || (isObject(config.cache) && (config.cache.mode === undefined || ['respect', 'force', 'disable'].includes(config.cache.mode as string)))));
const validName = (name: unknown) => isString(name) && name.length >= 1 && name.length <= 128;
const validChain = (ids: unknown) => Array.isArray(ids) && ids.length >= 1 && ids.every(isString);

/** Every id an enabled credential of the caller's project, each once. */
function usableChain(world: World, projectId: string, ids: readonly string[]): boolean {
  return new Set(ids).size === ids.length && ids.every((id) => world.providerCredentials.some((c) => c.id === id && c.projectId === projectId && !c.disabled));
}

const nameTaken = (world: World, projectId: string, name: string, except?: VirtualKey) => world.virtualKeys.some((k) => k.projectId === projectId && k.name === name && k !== except);

export function createVirtualKey(world: World, headers: Headers, body: string | undefined, known: Map<string, Family>): Answer {
  const found = projectCaller(world, headers, 'create');
  if ('answer' in found) return found.answer;
  const { caller } = found;
  const parsed = parse(body);
  if (!parsed) return malformed();
  const input = parsed.json;
  if (!isObject(input)) return invalidBody();
  const { name, description, environment = 'live', principal_user_id: principal, provider_credential_ids: chain, config } = input;
  const ok =
    validName(name) &&
    (description === undefined || isString(description)) &&
    (environment === 'live' || environment === 'test') &&
    (principal === undefined || principal === null || isString(principal)) &&
    validChain(chain) &&
    validConfig(config);
  if (!ok) return invalidBody();
  if (!usableChain(world, caller.project.id, chain as string[])) return badChain();
  if (nameTaken(world, caller.project.id, name as string)) return conflict();
  const key: VirtualKey = {
    id: '',
    projectId: caller.project.id,
    name: name as string,
    description: (description as string | undefined) ?? null,
    environment,
    principalUserId: (principal as string | null | undefined) ?? null,
    providerCredentialIds: [...(chain as string[])],
    createdAt: world.now,
    secret: '',
    previous: null,
    cachedPrevious: null,
    retired: [],
    rotations: [],
    revision: 1,
    revokedAt: null,
    lastUsedAt: null,
  };
  return created(world, caller, key, known);
}

function created(world: World, caller: Caller, key: VirtualKey, known: Map<string, Family>): Answer {
  const format = new RegExp(`^lw_vk_${key.environment}_[0-9A-HJKMNP-TV-Z]{26}$`);
  return used(caller.apiKey, world, {
    status: 201,
    body: { virtual_key: expect.any(Object), secret: expect.stringMatching(format) },
    rule: 'created',
    check(body) {
      expect(body.virtual_key.id).toMatch(/^vk_[A-Za-z0-9_-]{22}$/);
      expect(body.virtual_key).toEqual(viewOf({ ...key, id: body.virtual_key.id }, body.secret));
      expect(known.has(body.secret), 'a create minted a secret seen before').toBe(false);
      expect(world.virtualKeys.some((k) => k.id === body.virtual_key.id), 'a create minted an id seen before').toBe(false);
    },
    capture(body) {
      world.virtualKeys.push({ ...key, id: body.virtual_key.id, secret: body.secret });
      known.set(body.secret, 'langwatch');
    },
  });
}

export function updateVirtualKey(world: World, headers: Headers, id: string | undefined, body: string | undefined): Answer {
  const found = projectCaller(world, headers, 'update');
  if ('answer' in found) return found.answer;
  const { caller } = found;
  const parsed = parse(body);
  if (!parsed) return malformed();
  const input = parsed.json;
  if (!isObject(input)) return invalidBody();
  const { name, description, provider_credential_ids: chain, config } = input;
  const ok = (name === undefined || validName(name)) && (description === undefined || description === null || isString(description)) && (chain === undefined || validChain(chain)) && validConfig(config);
  if (!ok) return invalidBody();
  const key = world.virtualKeys.find((k) => k.id === id && k.projectId === caller.project.id);
  if (!key) return error(404, 'Virtual key not found', 'Virtual key not found');
  if (key.revokedAt !== null) return { ...nested(400, 'bad_request', 'bad_request', 'Cannot update a revoked virtual key'), rule: 'revoked key' };
  if (chain !== undefined && !usableChain(world, caller.project.id, chain as string[])) return badChain();
  if (name !== undefined && nameTaken(world, caller.project.id, name as string, key)) return conflict();
  if (name !== undefined) key.name = name as string;
  // null and an omitted description keep the old one.
  if (isString(description)) key.description = description;
  if (chain !== undefined) key.providerCredentialIds = [...(chain as string[])];
  key.revision += 1;
  return used(caller.apiKey, world, { status: 200, body: { virtual_key: viewOf(key) }, rule: 'updated' });
}
