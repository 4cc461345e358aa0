// The gateway data plane: what an app holding a virtual-key secret sees, read as the real gateway
// answers (services/aigateway at langwatch/langwatch 3dca0f685f, and the later production changes
// docs/divergences.md names).
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLangWatchClient } from '@revokit/langwatch';
import { checkEveryResponse } from './support/spec-conformance.js';
import { createLangWatchMock, type LangWatchOperationId, onUnhandled } from '@revokit/mock';
import { fetchJson } from './support/fetch-json.js';
import { parseEventStream, readChunks } from './support/sse.js';

const GRACE = 86_400_000;
const PROPAGATION = 60_000;
const GATEWAY = 'https://gateway.langwatch.ai';
const mock = createLangWatchMock({ clock: 'frozen' });
const server = setupServer(...mock.handlers);
checkEveryResponse(server);
const client = createLangWatchClient({ apiKey: mock.defaultProject.apiKey, maxRetries: 0 });

beforeAll(() => server.listen(onUnhandled('error')));
afterEach(() => mock.reset());
afterAll(() => server.close());

const INVALID_KEY = { error: { type: 'invalid_api_key', code: 'invalid_api_key', message: 'invalid_api_key' } };
const MISSING_KEY = {
  error: {
    type: 'invalid_api_key',
    code: 'invalid_api_key',
    message: 'missing API key; supply Authorization: Bearer <key>, x-api-key, x-goog-api-key, or xi-api-key header',
  },
};
const REVOKED = { error: { type: 'virtual_key_revoked', code: 'virtual_key_revoked', message: 'virtual_key_revoked' } };
const MISSING_MODEL = { error: { type: 'bad_request', code: 'bad_request', message: 'missing model field' } };

const models = (headers: Record<string, string>) => fetchJson(`${GATEWAY}/v1/models`, { headers });
const post = (path: string, secret: string, body: unknown) =>
  fetch(`${GATEWAY}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const postJson = async (path: string, secret: string, body: unknown) => {
  const response = await post(path, secret, body);
  return { status: response.status, body: await response.json(), headers: response.headers };
};

describe('credentials', () => {
  it.each([
    ['Authorization: Bearer', (s: string) => ({ authorization: `Bearer ${s}` })],
    ['Authorization: bEaReR (any case)', (s: string) => ({ authorization: `bEaReR ${s}` })],
    ['x-api-key', (s: string) => ({ 'x-api-key': s })],
    ['x-goog-api-key', (s: string) => ({ 'x-goog-api-key': s })],
    ['xi-api-key', (s: string) => ({ 'xi-api-key': s })],
    ['x-api-key behind a Basic Authorization (a non-Bearer scheme falls through)', (s: string) => ({ authorization: 'Basic dXNlcjpwYXNz', 'x-api-key': s })],
  ])('accepts the secret as %s', async (_form, headers) => {
    const { secret } = mock.seed.virtualKey();
    const reply = await models(headers(secret));
    expect(reply.status).toBe(200);
    expect(reply.body.object).toBe('list');
    expect(reply.body.data.length).toBeGreaterThan(0);
  });

  it('reads Authorization: Bearer, then x-api-key, then x-goog-api-key, then xi-api-key: the first one present decides', async () => {
    const { secret } = mock.seed.virtualKey();
    const wrong = 'lw_vk_live_01HZX0123456789ABCDEFGHIJ';
    expect((await models({ authorization: `Bearer ${secret}`, 'x-api-key': wrong })).status).toBe(200);
    expect((await models({ authorization: `Bearer ${wrong}`, 'x-api-key': secret })).status).toBe(401);
    expect((await models({ 'x-api-key': secret, 'x-goog-api-key': wrong })).status).toBe(200);
    expect((await models({ 'x-api-key': wrong, 'x-goog-api-key': secret })).status).toBe(401);
    expect((await models({ 'x-goog-api-key': secret, 'xi-api-key': wrong })).status).toBe(200);
    expect((await models({ 'x-goog-api-key': wrong, 'xi-api-key': secret })).status).toBe(401);
  });

  it('answers the exact missing-key message when no key header is sent (or only a non-Bearer Authorization)', async () => {
    for (const headers of [{}, { authorization: 'Basic dXNlcjpwYXNz' }] as Record<string, string>[]) {
      expect(await models(headers)).toMatchObject({ status: 401, body: MISSING_KEY });
    }
  });

  it('takes a blank Bearer token as a missing key, without falling through to x-api-key (core, since fetch trims header values)', () => {
    const { secret } = mock.seed.virtualKey();
    const outcome = mock.handle({ method: 'GET', url: `${GATEWAY}/v1/models`, path: '/v1/models', headers: { authorization: 'Bearer    ', 'x-api-key': secret } });
    expect(outcome).toMatchObject({ kind: 'respond', response: { status: 401, body: MISSING_KEY } });
  });

  it.each([
    ['an unknown secret', { authorization: 'Bearer lw_vk_live_01HZX0123456789ABCDEFGHIJ' }],
    ['garbage', { 'x-api-key': '%%%' }],
  ])('answers 401 invalid_api_key, message "invalid_api_key", for %s', async (_case, headers) => {
    mock.seed.virtualKey();
    expect(await models(headers as Record<string, string>)).toMatchObject({ status: 401, body: INVALID_KEY });
  });

  it('records last_used_at when the data plane accepts the key', async () => {
    const { virtual_key, secret } = mock.seed.virtualKey();
    mock.clock.advance(1234);
    await post('/v1/chat/completions', secret, { model: 'openai/gpt-5-mini', messages: [] });
    const after = await client.virtualKeys.revoke(virtual_key.id);
    expect(after.virtual_key.last_used_at).toBe(new Date(mock.clock.now()).toISOString());
  });
});

describe('X-Request-Id', () => {
  it('echoes the caller\'s value verbatim on every answer: 200, 401, 404, and a stream', async () => {
    const { secret } = mock.seed.virtualKey();
    const id = 'Client Id / 7';
    const answers = [
      await fetch(`${GATEWAY}/v1/models`, { headers: { authorization: `Bearer ${secret}`, 'x-request-id': id } }),
      await fetch(`${GATEWAY}/v1/models`, { headers: { 'x-request-id': id } }),
      await fetch(`${GATEWAY}/v1/responses`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'x-request-id': id } }),
      await fetch(`${GATEWAY}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'x-request-id': id }, body: JSON.stringify({ model: 'm', stream: true }) }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 200]);
    for (const answer of answers) expect(answer.headers.get('x-request-id')).toBe(id);
  });

  it('mints "req_" + 30 lowercase hex, a new one per request, when the caller sends none', async () => {
    // An operation's answer and an unknown route's (answered by the plane, not an operation).
    for (const path of ['/v1/models', '/v1/no-such-route']) {
      const ids = await Promise.all([1, 2, 3].map(async () => (await fetch(`${GATEWAY}${path}`)).headers.get('x-request-id')));
      for (const id of ids) expect(id, path).toMatch(/^req_[0-9a-f]{30}$/);
      expect(new Set(ids).size, path).toBe(3);
    }
  });

  it('lets an injected fault header replace it', async () => {
    mock.faults.next('gatewayListModels', { status: 503, headers: { 'X-Request-Id': 'from-fault' } });
    expect((await fetch(`${GATEWAY}/v1/models`)).headers.get('x-request-id')).toBe('from-fault');
  });
});

describe('chat completions', () => {
  it('answers a chat completion in the OpenAI shape', async () => {
    const { secret } = mock.seed.virtualKey();
    const ok = await postJson('/v1/chat/completions', secret, { model: 'openai/gpt-5-mini', messages: [{ role: 'user', content: 'hi there' }] });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      object: 'chat.completion',
      model: 'openai/gpt-5-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello from the revokit mock gateway.' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 2, completion_tokens: 6, total_tokens: 8 },
    });
    expect(ok.body.id).toMatch(/^chatcmpl-/);
  });

  it('answers 400 bad_request "missing model field" for a body that is not JSON or has no model', async () => {
    const { secret } = mock.seed.virtualKey();
    for (const body of ['{"model":', '[]', '{}', '{"model":""}', '{"model":7}']) {
      expect(await postJson('/v1/chat/completions', secret, body)).toMatchObject({ status: 400, body: MISSING_MODEL });
    }
  });

  it('streams server-sent events for stream: true: chat.completion.chunk objects, usage in the last, then [DONE], one network chunk per event', async () => {
    const { secret } = mock.seed.virtualKey();
    const response = await post('/v1/chat/completions', secret, { model: 'openai/gpt-5-mini', stream: true, messages: [{ role: 'user', content: 'hi' }] });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const chunks = await readChunks(response);
    const events = parseEventStream(chunks.join(''));
    // One frame per chunk under msw 2; msw 3 may hand several frames over in one chunk, as TCP
    // may: what a client must see is the same sequence of events, however it is cut.
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.length).toBeLessThanOrEqual(events.length);
    expect(events.at(-1)).toEqual({ data: '[DONE]' });
    const objects = events.slice(0, -1).map((event) => JSON.parse(event.data));
    expect(new Set(objects.map((o) => o.object))).toEqual(new Set(['chat.completion.chunk']));
    expect(new Set(objects.map((o) => o.id)).size).toBe(1);
    expect(objects[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(objects.map((o) => o.choices[0]?.delta?.content ?? '').join('')).toBe('Hello from the revokit mock gateway.');
    expect(objects.at(-2).choices[0].finish_reason).toBe('stop');
    expect(objects.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 1, completion_tokens: 6, total_tokens: 7 } });
    expect(events.every((event) => event.event === undefined)).toBe(true);
  });

  it('answers a rejected key on a stream request with the JSON envelope, not a stream', async () => {
    const response = await post('/v1/chat/completions', 'lw_vk_live_01HZX0123456789ABCDEFGHIJ', { model: 'm', stream: true });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual(INVALID_KEY);
  });
});

describe('embeddings', () => {
  it('answers one vector per input in the OpenAI shape, the same vector for the same text', async () => {
    const { secret } = mock.seed.virtualKey();
    const reply = await postJson('/v1/embeddings', secret, { model: 'openai/text-embedding-3-small', input: ['a cat', 'a dog', 'a cat'] });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ object: 'list', model: 'openai/text-embedding-3-small', usage: { prompt_tokens: 6, total_tokens: 6 } });
    const [cat, dog, again] = reply.body.data;
    expect(cat).toMatchObject({ object: 'embedding', index: 0 });
    expect(cat.embedding).toHaveLength(8);
    expect(again.embedding).toEqual(cat.embedding);
    expect(dog.embedding).not.toEqual(cat.embedding);
    expect(Math.hypot(...cat.embedding)).toBeCloseTo(1, 5);
  });

  it('honours dimensions, and sends little-endian float32 in base64 for encoding_format: "base64"', async () => {
    const { secret } = mock.seed.virtualKey();
    const floats = await postJson('/v1/embeddings', secret, { model: 'm', input: 'hello', dimensions: 3 });
    const base64 = await postJson('/v1/embeddings', secret, { model: 'm', input: 'hello', dimensions: 3, encoding_format: 'base64' });
    const bytes = Uint8Array.from(atob(base64.body.data[0].embedding), (c) => c.charCodeAt(0));
    const view = new DataView(bytes.buffer);
    expect([0, 1, 2].map((i) => view.getFloat32(i * 4, true))).toEqual(floats.body.data[0].embedding);
  });

  it.each([
    ['no model', { input: 'x' }, MISSING_MODEL.error.message],
    ['no input', { model: 'm' }, 'input must be a string or an array of 1 to 2048 strings'],
    ['an empty input list', { model: 'm', input: [] }, 'input must be a string or an array of 1 to 2048 strings'],
    ['a bad dimensions', { model: 'm', input: 'x', dimensions: 0 }, 'dimensions must be an integer from 1 to 3072'],
    ['a bad encoding_format', { model: 'm', input: 'x', encoding_format: 'hex' }, 'encoding_format must be "float" or "base64"'],
  ])('answers 400 bad_request for %s', async (_case, body, message) => {
    const { secret } = mock.seed.virtualKey();
    expect(await postJson('/v1/embeddings', secret, body)).toMatchObject({ status: 400, body: { error: { type: 'bad_request', code: 'bad_request', message } } });
  });
});

describe('messages (Anthropic shape)', () => {
  it('answers a Message object', async () => {
    const { secret } = mock.seed.virtualKey();
    const reply = await postJson('/v1/messages', secret, { model: 'anthropic/claude-haiku-4-5', max_tokens: 64, system: 'be brief', messages: [{ role: 'user', content: 'hi' }] });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'anthropic/claude-haiku-4-5',
      content: [{ type: 'text', text: 'Hello from the revokit mock gateway.' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 3, output_tokens: 6 },
    });
    expect(reply.body.id).toMatch(/^msg_[A-Za-z0-9]{24}$/);
  });

  it('streams Anthropic\'s own events for stream: true, message_start to message_stop, with no [DONE]', async () => {
    const { secret } = mock.seed.virtualKey();
    const response = await post('/v1/messages', secret, { model: 'anthropic/claude-haiku-4-5', max_tokens: 64, stream: true, messages: [{ role: 'user', content: 'hi' }] });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = parseEventStream(await response.text());
    expect(events.map((event) => event.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      ...Array(6).fill('content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    for (const event of events) expect(JSON.parse(event.data).type).toBe(event.event);
    expect(events.some((event) => event.data === '[DONE]')).toBe(false);
    const text = events.filter((e) => e.event === 'content_block_delta').map((e) => JSON.parse(e.data).delta.text).join('');
    expect(text).toBe('Hello from the revokit mock gateway.');
    expect(JSON.parse(events.at(-2)!.data)).toMatchObject({ delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 6 } });
  });

  it('keeps the gateway\'s envelope for its own errors (not Anthropic\'s)', async () => {
    mock.seed.virtualKey();
    expect(await postJson('/v1/messages', 'nope', { model: 'm' })).toMatchObject({ status: 401, body: INVALID_KEY });
  });
});

describe('the rest of /v1/: unknown routes and other methods', () => {
  it('checks the key first, as the real gateway\'s /v1 middleware does', async () => {
    expect(await postJson('/v1/responses', 'nope', {})).toMatchObject({ status: 401, body: INVALID_KEY });
    expect(await fetchJson(`${GATEWAY}/v1/responses`, { method: 'POST' })).toMatchObject({ status: 401, body: MISSING_KEY });
  });

  it('answers 404 not_found in the gateway envelope (the real one sends plain text), and 405 with Allow for another method', async () => {
    const { secret } = mock.seed.virtualKey();
    const missing = await postJson('/v1/responses', secret, {});
    expect(missing).toMatchObject({ status: 404, body: { error: { type: 'not_found', code: 'not_found', message: 'the mock gateway has no route POST /v1/responses' } } });
    const wrongMethod = await fetchJson(`${GATEWAY}/v1/chat/completions`, { headers: { authorization: `Bearer ${secret}` } });
    expect(wrongMethod).toMatchObject({ status: 405, body: { error: { type: 'method_not_allowed', code: 'method_not_allowed' } } });
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('shows a revoked key as revoked there too, after propagation', async () => {
    const { virtual_key, secret } = mock.seed.virtualKey();
    await client.virtualKeys.revoke(virtual_key.id);
    mock.clock.advance(PROPAGATION);
    expect(await postJson('/v1/responses', secret, {})).toMatchObject({ status: 401, body: REVOKED });
  });

  it('leaves paths outside /v1/ on the gateway host to other handlers', async () => {
    const quiet = setupServer(...mock.handlers);
    server.close();
    quiet.listen(onUnhandled('error'));
    try {
      await expect(fetch(`${GATEWAY}/healthz`)).rejects.toThrow();
    } finally {
      quiet.close();
      server.listen(onUnhandled('error'));
    }
  });
});

describe('revocation propagates to the data plane after propagationMs', () => {
  it('keeps accepting the current secret until revokedAt + propagationMs, then answers 401 virtual_key_revoked', async () => {
    const { virtual_key, secret } = mock.seed.virtualKey();
    const revoked = await client.virtualKeys.revoke(virtual_key.id);
    expect(revoked.virtual_key.status).toBe('revoked'); // the control plane is immediate
    mock.clock.advance(PROPAGATION - 1);
    expect((await models({ authorization: `Bearer ${secret}` })).status).toBe(200);
    expect(mock.gateway.authenticate(secret).ok).toBe(true);
    mock.clock.advance(1);
    expect(await models({ authorization: `Bearer ${secret}` })).toMatchObject({ status: 401, body: REVOKED });
    expect(mock.gateway.authenticate(secret)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('answers 403 with the same body when created with revokedKeyStatus: 403 (production since August 2026)', async () => {
    const prod = createLangWatchMock({ clock: 'frozen', revokedKeyStatus: 403, gatewayBaseUrl: 'https://gw.prod.test' });
    server.use(...prod.handlers);
    try {
      const { virtual_key, secret } = prod.seed.virtualKey();
      await createLangWatchClient({ apiKey: prod.defaultProject.apiKey, maxRetries: 0 }).virtualKeys.revoke(virtual_key.id);
      prod.clock.advance(PROPAGATION);
      const reply = await fetchJson('https://gw.prod.test/v1/models', { headers: { 'x-api-key': secret } });
      expect(reply).toMatchObject({ status: 403, body: REVOKED });
      // Other rejections keep their 401.
      expect((await fetchJson('https://gw.prod.test/v1/models', { headers: { 'x-api-key': 'nope' } })).status).toBe(401);
    } finally {
      server.resetHandlers();
    }
  });

  it('refuses any other revokedKeyStatus', () => {
    expect(() => createLangWatchMock({ revokedKeyStatus: 500 as never })).toThrow(/401 or 403/);
  });

  it('accepts a previous secret still in its grace window until propagation; then it is unknown (revoke cleared it), the current one revoked', async () => {
    const { virtual_key, secret: previous } = mock.seed.virtualKey();
    const { secret: current } = await client.virtualKeys.rotate(virtual_key.id);
    mock.clock.advance(10_000);
    await client.virtualKeys.revoke(virtual_key.id);
    // Control plane: immediate, the key cannot be rotated any more, and the previous secret is gone from it.
    await expect(client.virtualKeys.rotate(virtual_key.id)).rejects.toMatchObject({ status: 400 });
    expect(mock.snapshot().virtualKeys.get(virtual_key.id)!.previous).toBeNull();
    mock.clock.advance(PROPAGATION - 1);
    for (const secret of [previous, current]) expect((await models({ 'x-api-key': secret })).status).toBe(200);
    mock.clock.advance(1);
    expect(await models({ 'x-api-key': current })).toMatchObject({ status: 401, body: REVOKED });
    expect(await models({ 'x-api-key': previous })).toMatchObject({ status: 401, body: INVALID_KEY });
    expect(mock.gateway.authenticate(current)).toEqual({ ok: false, reason: 'revoked' });
    expect(mock.gateway.authenticate(previous)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('does not extend a grace window that ends before the revocation propagates', async () => {
    const short = createLangWatchMock({ clock: 'frozen', graceMs: 1_000, propagationMs: PROPAGATION });
    const { virtual_key, secret: previous } = short.seed.virtualKey();
    server.use(...short.handlers);
    try {
      const shortClient = createLangWatchClient({ apiKey: short.defaultProject.apiKey, maxRetries: 0 });
      await shortClient.virtualKeys.rotate(virtual_key.id);
      await shortClient.virtualKeys.revoke(virtual_key.id);
      short.clock.advance(999);
      expect(short.gateway.authenticate(previous).ok).toBe(true);
      short.clock.advance(1);
      expect(short.gateway.authenticate(previous)).toEqual({ ok: false, reason: 'grace_expired' });
    } finally {
      server.resetHandlers();
    }
  });
});

describe('grace window at the data plane', () => {
  it('accepts the rotated-out secret at graceMs - 1 and rejects it at graceMs exactly as an unknown secret', async () => {
    const { virtual_key, secret: previous } = mock.seed.virtualKey();
    await client.virtualKeys.rotate(virtual_key.id);
    mock.clock.advance(GRACE - 1);
    expect((await models({ authorization: `Bearer ${previous}` })).status).toBe(200);
    mock.clock.advance(1);
    const expired = await models({ authorization: `Bearer ${previous}` });
    const unknown = await models({ authorization: 'Bearer lw_vk_live_01HZX0123456789ABCDEFGHIJ' });
    expect(expired).toMatchObject({ status: 401, body: INVALID_KEY });
    expect(expired.body).toEqual(unknown.body);
    expect(mock.gateway.authenticate(previous)).toEqual({ ok: false, reason: 'grace_expired' });
  });

  it('reports "missing" for an absent secret', () => {
    expect(mock.gateway.authenticate(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(mock.gateway.authenticate('')).toEqual({ ok: false, reason: 'missing' });
  });
});

describe('injected faults', () => {
  it.each([
    [400, 'bad_request'],
    [401, 'invalid_api_key'],
    [402, 'budget_exceeded'],
    [403, 'guardrail_blocked'],
    [404, 'not_found'],
    [429, 'rate_limited'],
    [500, 'internal_error'],
    [502, 'provider_error'],
    [503, 'internal_error'],
    [504, 'provider_timeout'],
  ])('answer %i with the herr code the real gateway registers for it: %s, as type and code', async (status, code) => {
    for (const operationId of ['gatewayListModels', 'gatewayCreateMessage'] as LangWatchOperationId[]) {
      mock.faults.next(operationId, { status });
      const reply = operationId === 'gatewayListModels' ? await models({}) : await postJson('/v1/messages', 'x', {});
      expect(reply).toMatchObject({ status, body: { error: { type: code, code, message: `Injected fault: HTTP ${status}` } } });
    }
  });
});
