// revokit.test.ts: a complete consumer suite (Node, vitest, msw/node).
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createLangWatchClient } from '@revokit/langwatch';
import { createVineClient } from '@revokit/vine';
import { createLangWatchMock, createVineMock, onUnhandled } from '@revokit/mock';

// Frozen clocks: time moves only when a test says so.
const langwatch = createLangWatchMock({ clock: 'frozen' });
const vine = createVineMock({ clock: 'frozen' });
const server = setupServer(...langwatch.handlers, ...vine.handlers);

beforeAll(() => server.listen(onUnhandled('error'))); // msw 2 and 3: a request no handler owns fails
afterEach(() => {
  server.resetHandlers();
  langwatch.reset(); // same default project and key after every reset
  vine.reset();
});
afterAll(() => server.close());

// Your app's client, pointed at the default URLs the mocks intercept.
const lw = createLangWatchClient({ apiKey: langwatch.defaultProject.apiKey });

it('keeps a rotated-out secret valid for exactly 24 h', async () => {
  const { virtual_key, secret: oldSecret } = langwatch.seed.virtualKey({ name: 'checkout' });
  const { secret: newSecret } = await lw.virtualKeys.rotate(virtual_key.id);

  langwatch.clock.advance(86_400_000 - 1);
  expect(langwatch.gateway.authenticate(oldSecret).ok).toBe(true);
  langwatch.clock.advance(1);
  expect(langwatch.gateway.authenticate(oldSecret)).toEqual({ ok: false, reason: 'grace_expired' });
  expect(langwatch.gateway.authenticate(newSecret).ok).toBe(true);
});

it('sees a revocation at the gateway only after 60 s', async () => {
  const { virtual_key, secret } = langwatch.seed.virtualKey();
  await lw.virtualKeys.revoke(virtual_key.id);
  const models = () => fetch('https://gateway.langwatch.ai/v1/models', { headers: { authorization: `Bearer ${secret}` } });

  langwatch.clock.advance(59_999);
  expect((await models()).status).toBe(200);
  langwatch.clock.advance(1);
  expect((await models()).status).toBe(401);
});

it('survives a flaky network: revoke is retried, safely', async () => {
  const { virtual_key } = langwatch.seed.virtualKey();
  langwatch.faults.next('postApiGatewayV1Virtual-keysByIdRevoke', { status: 503, headers: { 'retry-after': '0' } });
  const { virtual_key: revoked } = await lw.virtualKeys.revoke(virtual_key.id);
  expect(revoked.status).toBe('revoked');
  expect(langwatch.requests.map((request) => request.status)).toEqual([503, 200]);
});

it('revokes a Vine key idempotently', async () => {
  const key = vine.seed.key({ name: 'ci' });
  const client = createVineClient();
  const first = await client.keys.revoke(key.id);
  vine.clock.advance(60_000);
  expect(await client.keys.revoke(key.id)).toEqual(first);
});
