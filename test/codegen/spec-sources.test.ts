// The specs grow from published documents: the seeds' operations stay exactly as published, and
// every edit to an added operation (docs/divergences.md, "Spec edits") is what this file asserts.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { apis } from '../../scripts/apis.ts';

const root = new URL('../../', import.meta.url);
const seedsDir = new URL('../shared/seeds/', root);
type Json = Record<string, any>;

const specs = Object.fromEntries(apis.map((api) => [api.id, parse(readFileSync(new URL(api.spec, root), 'utf8')) as Json]));
const allSpecs = Object.values(specs);

/** The OpenAPI block of a seed page (between ````yaml and ````). */
function seedDocument(file: string): Json {
  const text = readFileSync(new URL(file, seedsDir), 'utf8');
  const block = /````yaml[^\n]*\n([\s\S]*?)\n````/.exec(text);
  if (!block) throw new Error(`${file}: no OpenAPI block`);
  return parse(block[1]!) as Json;
}

const seeds = readdirSync(seedsDir)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => ({ file, doc: seedDocument(file) }));

describe('the seeds', () => {
  it('are four published pages', () => expect(seeds).toHaveLength(4));

  it.each(seeds)('$file: its operations and components are in a spec exactly as published', ({ doc }) => {
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const [method, operation] of Object.entries(item as Json)) {
        const holders = allSpecs.filter((spec) => spec.paths?.[path]?.[method] !== undefined);
        expect(holders, `${method.toUpperCase()} ${path}`).toHaveLength(1);
        expect(holders[0]!.paths[path][method]).toEqual(operation);
        for (const [kind, entries] of Object.entries((doc.components ?? {}) as Json)) {
          for (const [name, value] of Object.entries(entries as Json)) expect(holders[0]!.components[kind][name], `${kind}.${name}`).toEqual(value);
        }
      }
    }
  });
});

const vk = specs.virtualKeys!.paths;
const keys = specs.apiKeys!;
const bodyOf = (operation: Json) => operation.requestBody.content['application/json'].schema;

describe('spec edits', () => {
  it('create and update virtual key declare the request body the service validates', () => {
    const create = bodyOf(vk['/api/gateway/v1/virtual-keys'].post);
    expect(create.required).toEqual(['name', 'provider_credential_ids']);
    expect(create.properties.name).toMatchObject({ minLength: 1, maxLength: 128 });
    expect(create.properties.environment).toMatchObject({ enum: ['live', 'test'], default: 'live' });
    expect(create.properties.provider_credential_ids).toMatchObject({ minItems: 1 });
    const update = bodyOf(vk['/api/gateway/v1/virtual-keys/{id}'].patch);
    expect(update.required).toBeUndefined();
    expect(Object.keys(update.properties)).toEqual(['name', 'description', 'provider_credential_ids', 'config']);
    expect(update.properties.description.type).toEqual(['string', 'null']);
    expect(specs.virtualKeys!.components.schemas.VirtualKeyConfig.properties.cache.properties.mode.enum).toEqual(['respect', 'force', 'disable']);
  });

  it('describe the list as newest first with revoked keys, and config as merged one level deep', () => {
    expect(vk['/api/gateway/v1/virtual-keys'].get.description).toMatch(/revoked ones included, newest first/);
    expect(vk['/api/gateway/v1/virtual-keys/{id}'].patch.description).toMatch(/merged one level deep/);
  });

  it('ApiKeyInfo writes nullability as 3.1 type arrays, and requires what the route always sends', () => {
    const info = keys.components.schemas.ApiKeyInfo;
    expect(JSON.stringify(info)).not.toContain('nullable');
    for (const field of ['description', 'expiresAt', 'lastUsedAt', 'revokedAt']) expect(info.properties[field].type).toEqual(['string', 'null']);
    expect(info.required).toEqual(['id', 'name', 'description', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt', 'roleBindings']);
    const created = keys.paths['/api/api-keys'].post.responses['201'].content['application/json'].schema;
    expect(created.required).toEqual(['token', 'apiKey']);
    expect(created.properties.apiKey.required).toEqual(['id', 'name', 'createdAt']);
  });

  it('ApiKeyInfo answers with the role CUSTOM too; a request still takes only the three built-in roles', () => {
    const listed = keys.components.schemas.ApiKeyInfo.properties.roleBindings.items.properties.role;
    expect(listed.enum).toEqual(['ADMIN', 'MEMBER', 'VIEWER', 'CUSTOM']);
    const requested = bodyOf(keys.paths['/api/api-keys'].post).properties.bindings.items.properties.role;
    expect(requested.enum).toEqual(['ADMIN', 'MEMBER', 'VIEWER']);
  });

  it('createApiKey does not require bindings (service keys take none)', () => {
    const body = bodyOf(keys.paths['/api/api-keys'].post);
    expect(body.required).toEqual(['name']);
    expect(body.properties.bindings.minItems).toBeUndefined();
    expect(body.properties.bindings.maxItems).toBe(20);
    expect(body.properties.bindings.items.properties.scopeId.minLength).toBe(1);
    expect(body.properties.projectIds.items.minLength).toBe(1);
  });
});
