// The official SDK's nine methods, in the order an app provisioning a key would call them, each
// reading what the SDK reads. Run against any LangWatch base URL holding the given credentials.
import { expect } from 'vitest';
import { apiKeysService, virtualKeysService, type SentRequest } from './services.js';

export interface Credentials {
  endpoint: string;
  projectKey: string;
  adminKey: string;
  providerCredentialId: string;
}

/** The operation each call reaches, in order: what the mock's journal must show, every one answered 2xx. */
export const NINE_OPERATIONS = [
  'postApiGatewayV1Virtual-keys',
  'getApiGatewayV1Virtual-keys',
  'getApiGatewayV1Virtual-keysById',
  'patchApiGatewayV1Virtual-keysById',
  'postApiGatewayV1Virtual-keysByIdRotate',
  'postApiGatewayV1Virtual-keysByIdRevoke',
  'createApiKey',
  'listApiKeys',
  'revokeApiKey',
] as const;

export async function runNineCalls({ endpoint, projectKey, adminKey, providerCredentialId }: Credentials): Promise<SentRequest[]> {
  const sent: SentRequest[] = [];
  const virtualKeys = virtualKeysService(endpoint, projectKey, sent);
  const apiKeys = apiKeysService(endpoint, adminKey, sent);

  // The CLI's create: principal_user_id null when not given (typescript-sdk/src/cli/commands/virtual-keys/create.ts).
  const created = await virtualKeys.create({ name: 'customer-42', description: 'provisioned by the app', environment: 'test', principal_user_id: null, provider_credential_ids: [providerCredentialId] });
  expect(created.secret).toMatch(/^lw_vk_test_/);
  expect(created.virtual_key).toMatchObject({ name: 'customer-42', status: 'active', provider_credential_ids: [providerCredentialId] });
  const id: string = created.virtual_key.id;

  expect((await virtualKeys.list()).map((key) => key.id)).toContain(id);
  expect((await virtualKeys.get(id)).id).toBe(id);
  const updated = await virtualKeys.update(id, { name: 'customer-42-renamed', description: undefined, config: { cache: { mode: 'force' } } });
  expect(updated).toMatchObject({ id, name: 'customer-42-renamed', description: 'provisioned by the app', revision: '2' });
  const rotated = await virtualKeys.rotate(id);
  expect(rotated.secret).not.toBe(created.secret);
  expect(rotated.virtual_key.revision).toBe('3');
  expect((await virtualKeys.revoke(id)).status).toBe('revoked');

  // The CLI's default create: a service key, no bindings (typescript-sdk/src/cli/commands/api-keys/create.ts).
  const madeKey = await apiKeys.create({ keyType: 'service', name: 'ci', description: 'CI pipeline', expiresAt: undefined, projectIds: undefined });
  expect(madeKey.token).toMatch(/^sk-lw-[A-Za-z0-9]{16}_[A-Za-z0-9]{48}$/);
  expect(madeKey.apiKey).toMatchObject({ id: expect.any(String), name: 'ci', createdAt: expect.any(String) });
  expect((await apiKeys.list()).map((key) => key.id)).toContain(madeKey.apiKey.id);
  expect(await apiKeys.revoke(madeKey.apiKey.id)).toEqual({ success: true });
  return sent;
}

/** What the SDK sends: the two headers on all nine, a JSON body on the three writes with one. */
export function expectSdkRequests(sent: readonly SentRequest[]): void {
  expect(sent.map((request) => `${request.method} ${request.path.replace(/vk_[^/]+/, '{id}').replace(/api-keys\/[^/]+/, 'api-keys/{id}')}`)).toEqual([
    'POST /api/gateway/v1/virtual-keys',
    'GET /api/gateway/v1/virtual-keys',
    'GET /api/gateway/v1/virtual-keys/{id}',
    'PATCH /api/gateway/v1/virtual-keys/{id}',
    'POST /api/gateway/v1/virtual-keys/{id}/rotate',
    'POST /api/gateway/v1/virtual-keys/{id}/revoke',
    'POST /api/api-keys',
    'GET /api/api-keys',
    'DELETE /api/api-keys/{id}',
  ]);
  for (const request of sent) expect(Object.keys(request.headers)).toEqual(['Authorization', 'Content-Type']);
  expect(sent.filter((request) => request.body !== undefined).map((request) => request.method)).toEqual(['POST', 'PATCH', 'POST']);
}
