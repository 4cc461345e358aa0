// Bad input through the MSW adapter: odd ids reach the mock and get the API's 404 envelope,
// garbage credentials get 401, and nothing changes state.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEveryResponse } from './support/spec-conformance.js';
import { createLangWatchMock, createVineMock, onUnhandled } from '@revokit/mock';
import { fetchJson } from './support/fetch-json.js';

const lw = createLangWatchMock({ clock: 'frozen' });
const vine = createVineMock({ clock: 'frozen' });
const server = setupServer(...lw.handlers, ...vine.handlers);
checkEveryResponse(server);
beforeAll(() => server.listen(onUnhandled('error')));
afterAll(() => server.close());

const admin = lw.seed.apiKey();
const { virtual_key } = lw.seed.virtualKey();
vine.seed.key();
const oddIds = ['', 'a%2Fb', '%C3%A9%F0%9F%94%91', '%E0%A4%A', 'x'.repeat(10_240), `${virtual_key.id}%00`];

describe('odd ids', () => {
  it.each(oddIds.map((id) => [id.slice(0, 20), id]))('%s gets each API\'s 404 envelope', async (_label, id) => {
    const before = [lw.snapshot(), vine.snapshot()];
    const revoke = await fetchJson(`https://app.langwatch.ai/api/gateway/v1/virtual-keys/${id}/revoke`, { method: 'POST', headers: { 'x-auth-token': lw.defaultProject.apiKey } });
    expect(revoke).toMatchObject({ status: 404, body: { error: 'Virtual key not found', message: 'Virtual key not found' } });
    const remove = await fetchJson(`https://app.langwatch.ai/api/api-keys/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${admin.token}` } });
    expect(remove).toMatchObject({ status: 404, body: { error: 'Not Found', message: 'API key not found' } });
    const vineRevoke = await fetchJson(`https://vine.getcourtyard.ai/api/v1/keys/${id}/revoke`, { method: 'POST' });
    expect(vineRevoke).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: expect.any(String) } } });
    expect([lw.snapshot(), vine.snapshot()]).toEqual(before);
  });
});

describe('garbage credentials', () => {
  it.each([
    ['x-auth-token', 'Bearer Bearer'],
    ['x-auth-token', ' '],
    ['authorization', 'Bearer ' + 'A'.repeat(8_000)],
    ['authorization', 'Bearer sk-lw-_'],
    ['authorization', 'bearer'],
    ['authorization', 'Basic %%%'],
    ['authorization', `Basic ${btoa(':no-user')}`],
  ])('%s: %s → 401, nothing changed', async (header, value) => {
    const before = lw.snapshot();
    const url = header === 'x-auth-token' ? `https://app.langwatch.ai/api/gateway/v1/virtual-keys/${virtual_key.id}/rotate` : `https://app.langwatch.ai/api/api-keys/${admin.id}`;
    const reply = await fetchJson(url, { method: header === 'x-auth-token' ? 'POST' : 'DELETE', headers: { [header]: value } });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ error: 'Unauthorized', message: expect.any(String) });
    expect(lw.snapshot()).toEqual(before);
  });
});

describe('other methods and paths', () => {
  it('leaves what the mock does not own unhandled (MSW reports it) instead of answering', async () => {
    const quiet = setupServer(...lw.handlers);
    server.close();
    quiet.listen(onUnhandled('error'));
    try {
      await expect(fetch('https://app.langwatch.ai/api/gateway/v1/virtual-keys/x/revoke', { method: 'GET' })).rejects.toThrow();
      await expect(fetch('https://app.langwatch.ai/api/gateway/v1/virtual-keys/a/b/revoke', { method: 'POST' })).rejects.toThrow();
    } finally {
      quiet.close();
      server.listen(onUnhandled('error'));
    }
  });
});
