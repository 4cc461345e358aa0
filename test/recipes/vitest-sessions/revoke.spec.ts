import { expect, it } from 'vitest';
import { createVineClient } from '@revokit/vine';
import { credentials, mockUrl } from './session.js';

it('a revocation reaches the gateway after exactly 60 s of this session\'s clock', async () => {
  const { project, demo } = await credentials();
  await fetch(`${mockUrl}/__mock/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ frozen: true }) });
  await fetch(`${mockUrl}/api/gateway/v1/virtual-keys/${demo.virtual_key.id}/revoke`, { method: 'POST', headers: { 'x-auth-token': project.api_key } });
  const models = () => fetch(`${mockUrl}/v1/models`, { headers: { authorization: `Bearer ${demo.virtual_key.secret}` } }).then((r) => r.status);
  const advance = (ms: number) => fetch(`${mockUrl}/__mock/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance_ms: ms }) });
  await advance(59_999);
  expect(await models()).toBe(200);
  await advance(1);
  expect(await models()).toBe(401);
});

it('Vine revoke is idempotent in this session', async () => {
  const { demo } = await credentials();
  const vine = createVineClient({ baseUrl: mockUrl });
  const first = await vine.keys.revoke(demo.vine_key.id);
  expect(await vine.keys.revoke(demo.vine_key.id)).toEqual(first);
});
