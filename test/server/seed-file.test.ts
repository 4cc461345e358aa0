// --seed: the documented format, errors naming the entry, and seeded entities that exist
// from the start and again after every reset.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBanner } from '@revokit/mock/cli/banner';
import { readSeedFile } from '@revokit/mock/cli/seed-file';
import { createMockServer, parseSeedPlan } from '@revokit/mock/server';
import { useServer } from './support/server.js';

const dir = mkdtempSync(join(tmpdir(), 'revokit-seed-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const SEED = {
  langwatch: {
    projects: [{ ref: 'acme' }],
    virtual_keys: [{ project: 'acme', name: 'ci', environment: 'test', principal_user_id: 'user_ci', provider_credential_ids: ['pc_1'] }, { name: 'in the default project' }],
    api_keys: [{ role: 'member', permissions: ['organization:manage'], owner_user_id: 'user_me' }],
  },
  vine: { keys: [{ name: 'ci', env: 'test' }] },
};

describe('seed file errors name the file and the entry', () => {
  const reason = (text: string) => {
    const path = file(`bad-${Math.random().toString(36).slice(2)}.json`, text);
    try {
      readSeedFile(path);
    } catch (error) {
      return (error as Error).message.replace(path, '<file>');
    }
    throw new Error('accepted');
  };

  it.each([
    ['[]', '--seed <file>: the seed file must hold a JSON object'],
    ['{"langwatch":{"virtual_keys":[{},{"environment":"prod"}]}}', '--seed <file>: langwatch.virtual_keys[1].environment must be one of "live", "test"'],
    ['{"langwatch":{"virtual_keys":[{"project":"nope"}]}}', '--seed <file>: langwatch.virtual_keys[0].project "nope" is not a ref under langwatch.projects'],
    ['{"langwatch":{"projects":[{"ref":"a"},{"ref":"a"}]}}', '--seed <file>: langwatch.projects[1].ref "a" is declared twice'],
    ['{"langwatch":{"projects":[{}]}}', '--seed <file>: langwatch.projects[0].ref is required (a name for virtual_keys[].project)'],
    ['{"langwatch":{"api_keys":[{"role":"owner"}]}}', '--seed <file>: langwatch.api_keys[0].role must be one of "admin", "member"'],
    ['{"langwatch":{"api_keys":[{"permissions":"all"}]}}', '--seed <file>: langwatch.api_keys[0].permissions must be an array of strings'],
    ['{"vine":{"keys":[{"name":5}]}}', '--seed <file>: vine.keys[0].name must be a string'],
    ['{"vine":{"keys":{}}}', '--seed <file>: vine.keys must be an array'],
    ['{"vine":{"kyes":[]}}', '--seed <file>: unknown field "vine.kyes" (expected keys)'],
    ['{"langwach":{}}', '--seed <file>: unknown field "langwach" (expected $schema, langwatch, vine)'],
  ])('%s', (text, expected) => expect(reason(text)).toBe(expected));

  it('unreadable and non-JSON files', () => {
    expect(() => readSeedFile(join(dir, 'missing.json'))).toThrow(/^--seed .*missing\.json: cannot read the file \(ENOENT\)$/);
    expect(reason('{"vine": ')).toMatch(/^--seed <file>: not valid JSON \(.+\)$/);
  });

  it('accepts the documented example and an empty object', () => {
    expect(readSeedFile(file('ok.json', JSON.stringify(SEED)))).toEqual(SEED);
    expect(parseSeedPlan({})).toEqual({});
  });
});

describe('defaults of seed entries', () => {
  it('gives a Vine key without env Vine\'s own default, test (the same rule as seed.key and the control plane)', () => {
    const server = createMockServer({ demo: false, seed: { vine: { keys: [{ name: 'no env' }] } } });
    expect(server.credentials.seeded.vine_keys).toEqual([{ id: expect.stringMatching(/^c[0-9a-z]{24}$/), name: 'no env', plaintext: expect.stringMatching(/^vine_test_/) }]);
  });
});

describe('a server started with a seed file', () => {
  const api = useServer({ seed: SEED, demo: false });

  it('reports what it created, with usable credentials', async () => {
    const { seeded, demo } = api.server.credentials;
    expect(demo).toBeUndefined();
    expect(seeded.projects).toEqual([{ ref: 'acme', id: expect.stringMatching(/^project_/), api_key: expect.stringMatching(/^sk-lw-/), provider_credential_id: expect.any(String) }]);
    expect(seeded.virtual_keys).toEqual([
      { id: expect.stringMatching(/^vk_/), name: 'ci', project_id: seeded.projects[0]!.id, secret: expect.stringMatching(/^lw_vk_test_/) },
      { id: expect.stringMatching(/^vk_/), name: 'in the default project', project_id: api.server.credentials.project.id, secret: expect.stringMatching(/^lw_vk_live_/) },
    ]);
    expect(seeded.api_keys).toEqual([{ id: expect.any(String), token: expect.stringMatching(/^sk-lw-[A-Za-z0-9]{16}_/), role: 'member', owner_user_id: 'user_me' }]);
    expect(seeded.vine_keys).toEqual([{ id: expect.stringMatching(/^c[0-9a-z]{24}$/), name: 'ci', plaintext: expect.stringMatching(/^vine_test_/) }]);

    const vk = seeded.virtual_keys[0]!;
    const rotated = await api.post(`/api/gateway/v1/virtual-keys/${vk.id}/rotate`, undefined, { 'x-auth-token': seeded.projects[0]!.api_key });
    expect(rotated.status).toBe(200);
    expect(rotated.body.virtual_key).toMatchObject({ name: 'ci', environment: 'test', principal_user_id: 'user_ci', provider_credential_ids: ['pc_1'] });
  });

  it('brings every seeded entity back, unchanged, on reset', async () => {
    const { seeded } = api.server.credentials;
    const vineKey = seeded.vine_keys[0]!;
    expect((await api.post(`/api/v1/keys/${vineKey.id}/revoke`)).status).toBe(200);
    expect((await api.post('/__mock/reset')).status).toBe(204);
    const models = await api.get('/v1/models', { authorization: `Bearer ${seeded.virtual_keys[0]!.secret}` });
    expect(models.status).toBe(200);
    const apiKey = seeded.api_keys[0]!;
    expect((await api.send('DELETE', `/api/api-keys/${apiKey.id}`, { headers: { authorization: `Bearer ${apiKey.token}` } })).status).toBe(200);
  });
});

describe('provider credentials in a seed file', () => {
  const plan = {
    langwatch: {
      projects: [{ ref: 'acme' }],
      provider_credentials: [
        { project: 'acme', id: 'pc_anthropic', model_provider_name: 'anthropic' },
        { project: 'acme', id: 'pc_off', slot: 'old', disabled: true },
      ],
      virtual_keys: [{ project: 'acme', name: 'routed', provider_credential_ids: ['pc_anthropic'] }, { project: 'acme', name: 'default chain' }],
    },
  };
  const api = useServer({ seed: plan, demo: false });

  it('are created in their project with their fixed ids, listed, in the banner, and usable by the API', async () => {
    const { seeded } = api.server.credentials;
    const acme = seeded.projects[0]!;
    expect(seeded.provider_credentials).toEqual([
      { id: 'pc_anthropic', project_id: acme.id, model_provider_name: 'anthropic', slot: 'primary', disabled_at: null },
      { id: 'pc_off', project_id: acme.id, model_provider_name: 'openai', slot: 'old', disabled_at: expect.any(String) },
    ]);
    const banner = formatBanner({ version: '0', url: 'http://x', credentials: api.server.credentials, clock: 'system', graceMs: 1, propagationMs: 1, revokedKeyStatus: 401 });
    expect(banner).toContain(`seed provider credential  id pc_anthropic  project ${acme.id}  anthropic/primary`);
    expect(banner).toContain(`seed provider credential  id pc_off  project ${acme.id}  openai/old  (disabled)`);
    const keys = (await api.get('/api/gateway/v1/virtual-keys', { 'x-auth-token': acme.api_key })).body.data;
    expect(keys.map((k: { name: string; provider_credential_ids: string[] }) => [k.name, k.provider_credential_ids])).toEqual([
      ['default chain', [acme.provider_credential_id]],
      ['routed', ['pc_anthropic']],
    ]);
    const refused = await api.post('/api/gateway/v1/virtual-keys', { name: 'off', provider_credential_ids: ['pc_off'] }, { 'x-auth-token': acme.api_key });
    expect(refused.status).toBe(400);
  });

  it.each([
    ['{"langwatch":{"provider_credentials":[{"project":"nope"}]}}', '--seed <file>: langwatch.provider_credentials[0].project "nope" is not a ref under langwatch.projects'],
    ['{"langwatch":{"provider_credentials":[{"id":"a","slot":"x"},{"id":"a","slot":"b"}]}}', '--seed <file>: langwatch.provider_credentials[1].id "a" is already a provider credential of this mock'],
    ['{"langwatch":{"provider_credentials":[{"disabled":1}]}}', '--seed <file>: langwatch.provider_credentials[0].disabled must be true or false'],
    ['{"langwatch":{"provider_credentials":[{}]}}', '--seed <file>: langwatch.provider_credentials[0].slot: project'],
  ])('refuses %s', (text, expected) => {
    expect(() => parseSeedPlan(JSON.parse(text))).toThrow(expected.replace('--seed <file>: ', ''));
  });
});

describe('the seed file by entity name, as the control plane names them', () => {
  const api = useServer({ seed: { langwatch: { projects: [{ ref: 'p' }], 'virtual-keys': [{ project: 'p', name: 'kebab' }], 'api-keys': [{ role: 'member' }] } }, demo: false });

  it('accepts { family: { entity: [...] } } with the control plane\'s entity names', () => {
    const { seeded } = api.server.credentials;
    expect(seeded.virtual_keys).toEqual([{ id: expect.any(String), name: 'kebab', project_id: seeded.projects[0]!.id, secret: expect.any(String) }]);
    expect(seeded.api_keys).toEqual([expect.objectContaining({ role: 'member' })]);
  });

  it('refuses both spellings of one entity, and a project id instead of a ref', () => {
    expect(() => parseSeedPlan({ langwatch: { virtual_keys: [], 'virtual-keys': [] } })).toThrow(/virtual-keys or virtual_keys, not both/);
    expect(() => parseSeedPlan({ langwatch: { 'virtual-keys': [{ project_id: 'project_x' }] } })).toThrow(/langwatch\.virtual-keys\[0\]\.project_id: a seed file names its project by "project"/);
  });
});
