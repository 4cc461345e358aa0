// A seed file may fix ids and credentials (docs/recipes/seed.json), so that a suite in any
// language keeps them in its .env: the same on every start, after a reset and in every session;
// each checked against the real format and for uniqueness, never quoted back when secret.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLangWatchMock, createVineMock } from '@revokit/mock';
import { createMockServer, parseSeedPlan } from '@revokit/mock/server';
import { useServer } from './support/server.js';

const seed = JSON.parse(readFileSync(new URL('../../docs/recipes/seed.json', import.meta.url), 'utf8'));
const env = Object.fromEntries(
  readFileSync(new URL('../../docs/recipes/seed.env', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split('=') as [string, string]),
);

describe('docs/recipes/seed.json', () => {
  const mock = useServer({ seed, demo: false });

  it('serves exactly the ids and credentials it gives, which docs/recipes/seed.env lists', () => {
    const { seeded } = mock.server.credentials;
    const { langwatch, vine } = seed;
    expect(seeded.projects).toEqual([{ ref: 'ci', id: langwatch.projects[0].id, api_key: langwatch.projects[0].api_key, provider_credential_id: langwatch.projects[0].provider_credential_id }]);
    expect(seeded.virtual_keys.map((k) => [k.id, k.secret, k.project_id])).toEqual(langwatch.virtual_keys.map((k: { id: string; secret: string }) => [k.id, k.secret, langwatch.projects[0].id]));
    expect(seeded.api_keys.map((k) => [k.id, k.token])).toEqual(langwatch.api_keys.map((k: { id: string; token: string }) => [k.id, k.token]));
    expect(seeded.vine_keys.map((k) => [k.id, k.plaintext])).toEqual(vine.keys.map((k: { id: string; plaintext: string }) => [k.id, k.plaintext]));
    expect(env).toEqual({
      REVOKIT_PROJECT_KEY: langwatch.projects[0].api_key,
      REVOKIT_PROVIDER_CREDENTIAL_ID: langwatch.projects[0].provider_credential_id,
      REVOKIT_VK_ID: langwatch.virtual_keys[0].id,
      REVOKIT_VK_SECRET: langwatch.virtual_keys[0].secret,
      REVOKIT_ADMIN_KEY: langwatch.api_keys[0].token,
      REVOKIT_MEMBER_KEY_ID: langwatch.api_keys[1].id,
      REVOKIT_VINE_KEY_ID: vine.keys[0].id,
      REVOKIT_VINE_KEY: vine.keys[0].plaintext,
    });
  });

  it('works with the .env credentials: revoke with the project key, the gateway, the admin key, Vine', async () => {
    const models = () => mock.get('/v1/models', { authorization: `Bearer ${env.REVOKIT_VK_SECRET}` });
    expect((await models()).status).toBe(200);
    const revoked = await mock.post(`/api/gateway/v1/virtual-keys/${env.REVOKIT_VK_ID}/revoke`, undefined, { 'x-auth-token': env.REVOKIT_PROJECT_KEY! });
    expect(revoked.body.virtual_key).toMatchObject({ id: env.REVOKIT_VK_ID, status: 'revoked', display_prefix: env.REVOKIT_VK_SECRET!.slice(0, 18) });
    const member = await mock.send('DELETE', `/api/api-keys/${env.REVOKIT_MEMBER_KEY_ID}`, { headers: { authorization: `Bearer ${env.REVOKIT_ADMIN_KEY}` } });
    expect(member.body).toEqual({ success: true });
    const detect = await mock.post('/api/v1/detect', { url: 'https://example.test/' }, { authorization: `Bearer ${env.REVOKIT_VINE_KEY}` });
    expect(detect.status).toBe(200);
    const vine = await mock.post(`/api/v1/keys/${env.REVOKIT_VINE_KEY_ID}/revoke`);
    expect(vine.body.key.id).toBe(env.REVOKIT_VINE_KEY_ID);
  });

  it('keeps them after a reset and gives every session the same ones', async () => {
    await mock.post('/__mock/reset');
    const credentials = (path: string) => mock.get(path).then((reply) => reply.body.seeded);
    const world = await credentials('/__mock/credentials');
    expect(world).toEqual(await credentials('/__session/w1/__mock/credentials'));
    expect(world.virtual_keys).toContainEqual(expect.objectContaining({ id: env.REVOKIT_VK_ID, secret: env.REVOKIT_VK_SECRET }));
    expect(world.api_keys).toContainEqual(expect.objectContaining({ role: 'admin', token: env.REVOKIT_ADMIN_KEY }));
    expect(world.vine_keys).toContainEqual(expect.objectContaining({ id: env.REVOKIT_VINE_KEY_ID, plaintext: env.REVOKIT_VINE_KEY }));
    expect(world.projects).toContainEqual({ ref: 'ci', id: seed.langwatch.projects[0].id, api_key: env.REVOKIT_PROJECT_KEY, provider_credential_id: env.REVOKIT_PROVIDER_CREDENTIAL_ID });
    const session = await mock.post(`/__session/w1/api/gateway/v1/virtual-keys/${env.REVOKIT_VK_ID}/revoke`, undefined, { 'x-auth-token': env.REVOKIT_PROJECT_KEY! });
    expect(session.status).toBe(200);
  });
});

describe('given ids and credentials are checked', () => {
  const reason = (plan: unknown) => {
    try {
      parseSeedPlan(plan);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('accepted');
  };
  const secret = 'lw_vk_live_01J9HVAAS78VPE73CVBB57J0MS';

  it.each([
    [{ langwatch: { virtual_keys: [{ secret: 'lw_vk_live_short' }] } }, 'langwatch.virtual_keys[0].secret must be a virtual-key secret: lw_vk_live_ or lw_vk_test_ followed by a 26-character ULID (Crockford base32, upper case)'],
    [{ langwatch: { virtual_keys: [{ secret, environment: 'test' }] } }, "langwatch.virtual_keys[0].secret is not a secret of the key's environment, test: give langwatch.virtual_keys[0].environment as the secret's, or a lw_vk_test_ secret"],
    [{ langwatch: { virtual_keys: [{ secret }, { secret }] } }, 'langwatch.virtual_keys[1].secret is already the credential of another entity: credentials must be unique'],
    [{ langwatch: { virtual_keys: [{ id: 'vk_jEsrEaF30pfdJH8ifLckSw' }, { id: 'vk_jEsrEaF30pfdJH8ifLckSw' }] } }, 'langwatch.virtual_keys[1].id "vk_jEsrEaF30pfdJH8ifLckSw" is already the id of another virtual key: ids must be unique'],
    [{ langwatch: { virtual_keys: [{ id: 'vk_1' }] } }, 'langwatch.virtual_keys[0].id must be vk_ followed by 22 characters of A-Z a-z 0-9 _ - (16 random bytes, base64url)'],
    [{ langwatch: { projects: [{ ref: 'a', api_key: 'sk-lw-abc_def' }] } }, 'langwatch.projects[0].api_key must be a project key: sk-lw- followed by 48 characters of A-Z a-z 0-9'],
    [{ langwatch: { projects: [{ ref: 'a', id: 'project_vkhonuv9Ghesv6tKavA1Q' }, { ref: 'b', id: 'project_vkhonuv9Ghesv6tKavA1Q' }] } }, 'langwatch.projects[1].id "project_vkhonuv9Ghesv6tKavA1Q" is already the id of another project: ids must be unique'],
    [{ langwatch: { api_keys: [{ token: 'sk-lw-Q468KUybSQDCKewhLLR5eXprVP5DaF2C65CGimIJiGAd7v1H' }] } }, 'langwatch.api_keys[0].token must be an admin API key: sk-lw-, 16 characters of A-Z a-z 0-9, _, then 48 more'],
    [
      { langwatch: { api_keys: [{ token: `sk-lw-rIDNdJ9hk60H3uON_${'a'.repeat(48)}` }, { token: `sk-lw-rIDNdJ9hk60H3uON_${'b'.repeat(48)}` }] } },
      "langwatch.api_keys[1].token has the lookup id (the 16 characters after sk-lw-) of another API key's token: they must be unique",
    ],
    [{ langwatch: { projects: [{ ref: 'a', api_key: 'sk-lw-Q468KUybSQDCKewhLLR5eXprVP5DaF2C65CGimIJiGAd7v1H' }, { ref: 'b', api_key: 'sk-lw-Q468KUybSQDCKewhLLR5eXprVP5DaF2C65CGimIJiGAd7v1H' }] } }, 'langwatch.projects[1].api_key is already the credential of another entity: credentials must be unique'],
    [{ vine: { keys: [{ plaintext: 'vine_live_qUeByv88Hu1agw4unALHFngK59GG68J4' }] } }, 'vine.keys[0].plaintext is not a key of the environment test: give vine.keys[0].env as the key\'s, or a vine_test_ key'],
    [{ vine: { keys: [{ id: 'key_1' }] } }, 'vine.keys[0].id must be c followed by 24 characters of a-z 0-9 (a cuid)'],
    [{ vine: { keys: [{ plaintext: 'vine_test_qUeByv88Hu1agw4unALHFngK59GG68J4' }, { plaintext: 'vine_test_qUeByv88Hu1agw4unALHFngK59GG68J4' }] } }, 'vine.keys[1].plaintext is already the credential of another entity: credentials must be unique'],
  ])('%j: %s', (plan, message) => {
    expect(reason(plan)).toBe(message);
  });

  it('never quotes a given credential back', () => {
    const bad = 'lw_vk_live_01J9HVAAS78VPE73CVBB57J0M'; // one character short
    expect(reason({ langwatch: { virtual_keys: [{ secret: bad }] } })).not.toContain('01J9HVAAS78VPE');
  });

  it('the MSW mocks take them too, in camelCase', () => {
    const langwatch = createLangWatchMock();
    const project = langwatch.seed.project({ id: 'project_vkhonuv9Ghesv6tKavA1Q', apiKey: 'sk-lw-Q468KUybSQDCKewhLLR5eXprVP5DaF2C65CGimIJiGAd7v1H' });
    const { virtual_key } = langwatch.seed.virtualKey({ projectId: project.id, id: 'vk_jEsrEaF30pfdJH8ifLckSw', secret });
    expect(langwatch.gateway.authenticate(secret)).toEqual({ ok: true, virtualKeyId: virtual_key.id });
    expect(() => langwatch.seed.virtualKey({ secret })).toThrow('seed.virtualKey.secret is already the credential of another entity');
    const vine = createVineMock();
    expect(vine.seed.key({ id: 'cvhm8tfv8mkz9y7h2xcnpdywj', plaintext: 'vine_test_qUeByv88Hu1agw4unALHFngK59GG68J4' }).plaintext).toBe('vine_test_qUeByv88Hu1agw4unALHFngK59GG68J4');
  });

  it('two servers from one seed file have the same credentials', async () => {
    const [a, b] = [createMockServer({ seed }), createMockServer({ seed })];
    expect(a.credentials.seeded).toEqual(b.credentials.seeded);
  });
});

it('docs/server.md shows docs/recipes/seed.json and seed.env whole', () => {
  const doc = readFileSync(new URL('../../docs/server.md', import.meta.url), 'utf8');
  expect(doc).toContain(readFileSync(new URL('../../docs/recipes/seed.json', import.meta.url), 'utf8').trim());
  expect(doc).toContain(readFileSync(new URL('../../docs/recipes/seed.env', import.meta.url), 'utf8').trim());
});
