// POST /__mock/reset restores the startup state with the same ids and credentials: the banner's
// demo keys keep working across resets, whatever happened in between.
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';

describe('reset with the default (system) clock', () => {
  const api = useServer({ graceMs: 60_000, propagationMs: 0 });

  it('revoked, rotated and used demo keys come back exactly as they started', async () => {
    const { project, demo } = api.server.credentials;
    const { virtual_key, admin_api_key, member_api_key, vine_key } = demo!;
    const auth = { 'x-auth-token': project.apiKey };
    const initial = await api.post(`/api/gateway/v1/virtual-keys/${virtual_key.id}/rotate`, undefined, auth);
    const snapshotBefore = JSON.stringify((await api.post('/__mock/reset'), api.server.langwatch.snapshot()), (_k, v) => (v instanceof Map ? [...v] : v));

    // Change everything.
    await api.get('/v1/models', { authorization: `Bearer ${virtual_key.secret}` });
    await api.post(`/api/gateway/v1/virtual-keys/${virtual_key.id}/rotate`, undefined, auth);
    await api.post(`/api/gateway/v1/virtual-keys/${virtual_key.id}/revoke`, undefined, auth);
    await api.send('DELETE', `/api/api-keys/${member_api_key.id}`, { headers: { authorization: `Bearer ${admin_api_key.token}` } });
    await api.send('DELETE', `/api/api-keys/${admin_api_key.id}`, { headers: { authorization: `Bearer ${admin_api_key.token}` } });
    await api.post(`/api/v1/keys/${vine_key.id}/revoke`);
    await api.post('/__mock/langwatch/projects');
    await api.post('/__mock/clock', { frozen: true, advance_ms: 3_600_000 });
    await api.post('/__mock/faults', { operation_id: 'gatewayListModels', status: 500, times: 5 });

    expect((await api.post('/__mock/reset')).status).toBe(204);
    const snapshotAfter = JSON.stringify(api.server.langwatch.snapshot(), (_k, v) => (v instanceof Map ? [...v] : v));
    expect(snapshotAfter).toBe(snapshotBefore);

    // Same credentials, all valid again.
    expect((await api.get('/v1/models', { authorization: `Bearer ${virtual_key.secret}` })).status).toBe(200);
    const rotated = await api.post(`/api/gateway/v1/virtual-keys/${virtual_key.id}/rotate`, undefined, auth);
    expect(rotated.body.virtual_key).toMatchObject({ revision: initial.body.virtual_key.revision, status: 'active', last_used_at: expect.any(String) });
    expect((await api.send('DELETE', `/api/api-keys/${member_api_key.id}`, { headers: { authorization: `Bearer ${admin_api_key.token}` } })).status).toBe(200);
    expect((await api.post(`/api/v1/keys/${vine_key.id}/revoke`)).status).toBe(200);
    const clock = (await api.get('/__mock/clock')).body;
    expect(clock.frozen).toBe(false);
    expect(Math.abs(clock.offset_ms)).toBeLessThan(1_000);
  });

  it('many resets in a row keep the same ids and credentials', async () => {
    const before = JSON.stringify(api.server.credentials);
    for (let i = 0; i < 20; i++) expect((await api.post('/__mock/reset')).status).toBe(204);
    expect(JSON.stringify(api.server.credentials)).toBe(before);
    expect((await api.post(`/api/v1/keys/${api.server.credentials.demo!.vine_key.id}/revoke`)).status).toBe(200);
  });
});

describe('reset with --clock frozen', () => {
  const api = useServer({ clock: 'frozen', graceMs: 1_000 });

  it('starts frozen, and a reset freezes it again at offset zero', async () => {
    const start = (await api.get('/__mock/clock')).body;
    expect(start.frozen).toBe(true);
    await api.post('/__mock/clock', { frozen: false, advance_ms: 10_000 });
    await api.post('/__mock/reset');
    const after = (await api.get('/__mock/clock')).body;
    expect(after.frozen).toBe(true);
    expect(Math.abs(after.offset_ms)).toBeLessThan(1_000);
  });

  it('exact boundaries need no real waiting: the grace secret works at graceMs - 1 and not at graceMs', async () => {
    const { project, demo } = api.server.credentials;
    const { virtual_key } = demo!;
    await api.post(`/api/gateway/v1/virtual-keys/${virtual_key.id}/rotate`, undefined, { 'x-auth-token': project.apiKey });
    await api.post('/__mock/clock', { advance_ms: 999 });
    expect((await api.get('/v1/models', { 'x-api-key': virtual_key.secret })).status).toBe(200);
    await api.post('/__mock/clock', { advance_ms: 1 });
    expect((await api.get('/v1/models', { 'x-api-key': virtual_key.secret })).status).toBe(401);
    await api.post('/__mock/reset');
    expect((await api.get('/v1/models', { 'x-api-key': virtual_key.secret })).status).toBe(200);
  });
});
