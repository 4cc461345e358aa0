// The SDK clients against `prism mock` (the specs alone, no server): they parse every
// response the specs describe, with response validation on. Prism answers a chosen
// documented status when asked with `Prefer: code=…`.
import { describe, expect, it } from 'vitest';
import { ApiError, createLangWatchClient, type FetchLike } from '@revokit/langwatch';
import { langwatchValidators } from '@revokit/langwatch/validators';
import { createVineClient } from '@revokit/vine';
import { vineValidators } from '@revokit/vine/validators';
import { operations as virtualKeyOperations } from '@revokit/langwatch/generated/virtual-keys/operations';
import { operations as apiKeyOperations } from '@revokit/langwatch/generated/api-keys/operations';
import { operations as vineOperations } from '@revokit/vine/generated/vine/operations';
import { useContract } from './support/harness.js';

const { env, fetch } = useContract();
const PROJECT_KEY = `sk-lw-${'a'.repeat(48)}`;
const ADMIN_KEY = `sk-lw-${'B'.repeat(16)}_${'c'.repeat(48)}`;

/** fetch that asks Prism for one documented status. */
const preferring = (status: number): FetchLike => (input, init) => {
  const request = new Request(input, init);
  request.headers.set('prefer', `code=${status}`);
  return fetch(request);
};

const options = (baseUrl: string, status?: number) => ({ baseUrl, fetch: status === undefined ? fetch : preferring(status), maxRetries: 0 });
/** The call fails with the SDK's ApiError for exactly this status (not a parse or validation failure). */
async function expectApiError(call: Promise<unknown>, status: number) {
  const error = await call.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(status);
}

const errorStatuses = (statuses: readonly number[]) => statuses.filter((status) => status >= 400);

describe('LangWatch virtual keys against prism mock', () => {
  const client = (status?: number) => createLangWatchClient({ apiKey: PROJECT_KEY, validators: langwatchValidators, ...options(env.specMock.virtualKeys, status) });

  it('revoke and rotate parse the spec\'s 200 bodies', async () => {
    const revoked = await client().virtualKeys.revoke('vk_example');
    expect(revoked.virtual_key).toMatchObject({ id: expect.any(String), status: expect.stringMatching(/^(active|revoked)$/) });
    const rotated = await client().virtualKeys.rotate('vk_example');
    expect(rotated.secret).toEqual(expect.any(String));
  });

  for (const status of errorStatuses(virtualKeyOperations['postApiGatewayV1Virtual-keysByIdRevoke'].statuses)) {
    it(`revoke: documented ${status} becomes an ApiError with that status`, async () => {
      await expectApiError(client(status).virtualKeys.revoke('vk_example'), status);
    });
  }
  for (const status of errorStatuses(virtualKeyOperations['postApiGatewayV1Virtual-keysByIdRotate'].statuses)) {
    it(`rotate: documented ${status} becomes an ApiError with that status`, async () => {
      await expectApiError(client(status).virtualKeys.rotate('vk_example'), status);
    });
  }
});

describe('LangWatch admin API keys against prism mock', () => {
  const client = (status?: number) => createLangWatchClient({ adminApiKey: ADMIN_KEY, validators: langwatchValidators, ...options(env.specMock.apiKeys, status) });

  it('revoke parses the spec\'s 200 body', async () => {
    expect(await client().apiKeys.revoke('key_row_id')).toEqual({ success: expect.any(Boolean) });
  });

  for (const status of errorStatuses(apiKeyOperations.revokeApiKey.statuses)) {
    it(`revoke: documented ${status} (no body in the spec) becomes an ApiError with that status`, async () => {
      await expectApiError(client(status).apiKeys.revoke('key_row_id'), status);
    });
  }
});

describe('Vine against prism mock', () => {
  const client = (status?: number) => createVineClient({ validators: vineValidators, ...options(env.specMock.vine, status) });

  it('revoke parses the spec\'s 200 body', async () => {
    const revoked = await client().keys.revoke('key_example');
    expect(revoked.key).toMatchObject({ id: expect.any(String), revokedAt: expect.any(String) });
  });

  for (const status of errorStatuses(vineOperations.postApiV1KeysByIdRevoke.statuses)) {
    it(`revoke: documented ${status} becomes an ApiError with that status`, async () => {
      await expectApiError(client(status).keys.revoke('key_example'), status);
    });
  }
});
