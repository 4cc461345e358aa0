// Vine's idempotent soft revoke, through MSW and the real Vine client.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, createVineClient } from '@revokit/vine';
import { createVineMock } from '@revokit/mock';
import { checkEveryResponse, expectConformingBody } from './support/spec-conformance.js';

const OPERATION = 'postApiV1KeysByIdRevoke';
const mock = createVineMock({ clock: 'frozen' });
const server = setupServer(...mock.handlers);
checkEveryResponse(server);
const vine = createVineClient({ maxRetries: 0 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

describe('vine keys', () => {
  it('are seeded in the real format', () => {
    const key = mock.seed.key({ name: 'ci', env: 'test' });
    expect(key.plaintext).toMatch(/^vine_test_[A-Za-z0-9]{32}$/);
    expect(key.keyPrefix).toBe(key.plaintext.slice(0, 12));
    expect(key.name).toBe('ci');
    expect(() => mock.seed.key({ env: 'prod' as never })).toThrow(TypeError);
  });

  it('revoke sets revokedAt once; repeating returns the same object', async () => {
    const key = mock.seed.key({ name: 'ci' });
    const first = await vine.keys.revoke(key.id);
    expectConformingBody(OPERATION, 200, first);
    expect(first).toEqual({ key: { id: key.id, name: 'ci', keyPrefix: key.keyPrefix, revokedAt: new Date(mock.clock.now()).toISOString() } });
    mock.clock.advance(60_000);
    expect(await vine.keys.revoke(key.id)).toEqual(first);
  });

  it('needs no credential, and ignores one', async () => {
    const key = mock.seed.key();
    const withKey = createVineClient({ apiKey: key.plaintext, maxRetries: 0 });
    expect((await withKey.keys.revoke(key.id)).key?.id).toBe(key.id);
  });

  it('answers 404 in the Vine error envelope for an unknown id', async () => {
    const error = await vine.keys.revoke('key_missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found', body: { error: { code: 'not_found', message: expect.any(String) } } });
    expectConformingBody(OPERATION, 404, (error as NotFoundError).body);
  });
});
