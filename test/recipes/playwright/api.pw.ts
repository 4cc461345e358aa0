import { expect, test } from './fixtures.js';

test('revoke a virtual key; the gateway sees it after 60 s of this session\'s clock', async ({ request, session }) => {
  const { project, demo } = session.credentials;
  await request.post('__mock/clock', { data: { frozen: true } });
  const revoked = await request.post(`api/gateway/v1/virtual-keys/${demo.virtual_key.id}/revoke`, { headers: { 'x-auth-token': project.api_key } });
  expect(revoked.status()).toBe(200);
  const models = async () => (await request.get('v1/models', { headers: { authorization: `Bearer ${demo.virtual_key.secret}` } })).status();
  await request.post('__mock/clock', { data: { advance_ms: 59_999 } });
  expect(await models()).toBe(200);
  await request.post('__mock/clock', { data: { advance_ms: 1 } });
  expect(await models()).toBe(401);
});

test('a fault injected here hits only this test', async ({ request, session }) => {
  await request.post('__mock/faults', { data: { operation_id: 'postApiV1KeysByIdRevoke', status: 503, times: 3 } });
  expect((await request.post(`api/v1/keys/${session.credentials.demo.vine_key.id}/revoke`)).status()).toBe(503);
});

test('every test starts from a fresh world', async ({ request, session }) => {
  expect((await request.post(`api/v1/keys/${session.credentials.demo.vine_key.id}/revoke`)).status()).toBe(200); // no fault from the other test
  expect((await (await request.get('__mock/faults')).json()).faults).toEqual([]);
});
