// The gateway data plane: what an app holding a secret sees after revoke and rotate.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLangWatchClient } from '@revokit/langwatch';
import { checkEveryResponse } from './support/spec-conformance.js';
import { createLangWatchMock } from '@revokit/mock';
import { fetchJson } from './support/fetch-json.js';

const GRACE = 86_400_000;
const PROPAGATION = 60_000;
const GATEWAY = 'https://gateway.langwatch.ai';
const mock = createLangWatchMock({ clock: 'frozen' });
const server = setupServer(...mock.handlers);
checkEveryResponse(server);
const client = createLangWatchClient({ apiKey: mock.defaultProject.apiKey, maxRetries: 0 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

const models = (headers: Record<string, string>) => fetchJson(`${GATEWAY}/v1/models`, { headers });
const chat = (secret: string, body: string) =>
  fetchJson(`${GATEWAY}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body });

describe('credentials', () => {
  it('accepts the secret as Bearer (any case of the scheme) or as x-api-key', async () => {
    const { secret } = mock.seed.virtualKey();
    for (const headers of [{ authorization: `Bearer ${secret}` }, { authorization: `bEaReR ${secret}` }, { 'x-api-key': secret }] as Record<string, string>[]) {
      const reply = await models(headers);
      expect(reply.status).toBe(200);
      expect(reply.body.object).toBe('list');
      expect(reply.body.data.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['missing', {}],
    ['unknown', { authorization: 'Bearer lw_vk_live_01HZX0123456789ABCDEFGHIJ' }],
    ['not bearer', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['garbage', { 'x-api-key': '%%%' }],
  ])('answers 401 invalid_api_key when the secret is %s', async (_case, headers) => {
    mock.seed.virtualKey();
    const reply = await models(headers as Record<string, string>);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ error: { type: 'invalid_api_key', code: 'invalid_api_key', message: expect.any(String) } });
  });

  it('records last_used_at when the data plane accepts the key', async () => {
    const { virtual_key, secret } = mock.seed.virtualKey();
    mock.clock.advance(1234);
    await chat(secret, JSON.stringify({ model: 'openai/gpt-5-mini', messages: [] }));
    const after = await client.virtualKeys.revoke(virtual_key.id);
    expect(after.virtual_key.last_used_at).toBe(new Date(mock.clock.now()).toISOString());
  });

  it('answers a chat completion in the OpenAI shape, and 400 for a body that is not JSON', async () => {
    const { secret } = mock.seed.virtualKey();
    const ok = await chat(secret, JSON.stringify({ model: 'openai/gpt-5-mini', messages: [{ role: 'user', content: 'hi' }] }));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ object: 'chat.completion', model: 'openai/gpt-5-mini', choices: [{ message: { role: 'assistant' } }] });
    const bad = await chat(secret, '{"model":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.type).toBe('invalid_request_error');
  });
});

describe('revocation propagates to the data plane after propagationMs', () => {
  it('keeps accepting the current secret until revokedAt + propagationMs, then rejects it', async () => {
    const { virtual_key, secret } = mock.seed.virtualKey();
    const revoked = await client.virtualKeys.revoke(virtual_key.id);
    expect(revoked.virtual_key.status).toBe('revoked'); // the control plane is immediate
    mock.clock.advance(PROPAGATION - 1);
    expect((await models({ authorization: `Bearer ${secret}` })).status).toBe(200);
    expect(mock.gateway.authenticate(secret).ok).toBe(true);
    mock.clock.advance(1);
    const rejected = await models({ authorization: `Bearer ${secret}` });
    expect(rejected.status).toBe(401);
    expect(rejected.body.error.code).toBe('virtual_key_revoked');
    expect(mock.gateway.authenticate(secret)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('treats a previous secret still in its grace window the same way', async () => {
    const { virtual_key, secret: previous } = mock.seed.virtualKey();
    const { secret: current } = await client.virtualKeys.rotate(virtual_key.id);
    mock.clock.advance(10_000);
    await client.virtualKeys.revoke(virtual_key.id);
    // Control plane: immediate, the key cannot be rotated any more.
    await expect(client.virtualKeys.rotate(virtual_key.id)).rejects.toMatchObject({ status: 400 });
    mock.clock.advance(PROPAGATION - 1);
    for (const secret of [previous, current]) expect((await models({ 'x-api-key': secret })).status).toBe(200);
    mock.clock.advance(1);
    for (const secret of [previous, current]) {
      expect((await models({ 'x-api-key': secret })).status).toBe(401);
      expect(mock.gateway.authenticate(secret)).toEqual({ ok: false, reason: 'revoked' });
    }
  });

  it('does not extend a grace window that ends before the revocation propagates', async () => {
    const short = createLangWatchMock({ clock: 'frozen', graceMs: 1_000, propagationMs: PROPAGATION });
    const { virtual_key, secret: previous } = short.seed.virtualKey();
    server.use(...short.handlers);
    const shortClient = createLangWatchClient({ apiKey: short.defaultProject.apiKey, maxRetries: 0 });
    await shortClient.virtualKeys.rotate(virtual_key.id);
    await shortClient.virtualKeys.revoke(virtual_key.id);
    short.clock.advance(999);
    expect(short.gateway.authenticate(previous).ok).toBe(true);
    short.clock.advance(1);
    expect(short.gateway.authenticate(previous)).toEqual({ ok: false, reason: 'grace_expired' });
    server.resetHandlers();
  });
});

describe('grace window at the data plane', () => {
  it('accepts the rotated-out secret at graceMs - 1 and rejects it at graceMs', async () => {
    const { virtual_key, secret: previous } = mock.seed.virtualKey();
    await client.virtualKeys.rotate(virtual_key.id);
    mock.clock.advance(GRACE - 1);
    expect((await models({ authorization: `Bearer ${previous}` })).status).toBe(200);
    mock.clock.advance(1);
    const reply = await models({ authorization: `Bearer ${previous}` });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('invalid_api_key');
  });

  it('reports "missing" for an absent secret', () => {
    expect(mock.gateway.authenticate(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(mock.gateway.authenticate('')).toEqual({ ok: false, reason: 'missing' });
  });
});
