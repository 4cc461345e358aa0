// The official `openai` client (6.x) against the mock gateway, through MSW and through the server:
// the calls an app makes, then what it sees after a revocation has propagated and after a rotated-out
// secret's grace window. maxRetries: 0 so that no retry hides an answer.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_MS, DEFAULT_PROPAGATION_MS } from '@revokit/mock';
import { gatewayHarnesses, type Transport } from './support/gateway-harness.js';

const REQUEST_ID = /^req_[0-9a-f]{30}$/;

describe.each<Transport>(['msw', 'server'])('openai through %s', (transport) => {
  const harnesses = gatewayHarnesses(transport);
  const { spec: harness, production: strict } = harnesses;
  beforeAll(() => harnesses.start());
  afterAll(() => harnesses.stop());
  const openai = (secret: string, on = harness) => new OpenAI({ apiKey: secret, baseURL: `${on.gatewayUrl}/v1`, maxRetries: 0 });

  it('lists models', async () => {
    const page = await openai(harness.virtualKey().secret).models.list();
    expect(page.data.map((model) => model.id)).toEqual(['openai/gpt-5-mini', 'anthropic/claude-haiku-4-5']);
  });

  it('creates a chat completion, with the request id the gateway sent', async () => {
    const { data, response } = await openai(harness.virtualKey().secret)
      .chat.completions.create({ model: 'openai/gpt-5-mini', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(data.choices[0]!.message.content).toBe('Hello from the revokit mock gateway.');
    expect(response.headers.get('x-request-id')).toMatch(REQUEST_ID);
  });

  it('streams a chat completion: more than zero chunks, the text, usage in the last chunk', async () => {
    const stream = await openai(harness.virtualKey().secret).chat.completions.create({
      model: 'openai/gpt-5-mini',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Hello from the revokit mock gateway.');
    expect(chunks.at(-1)!.usage).toEqual({ prompt_tokens: 1, completion_tokens: 6, total_tokens: 7 });
  });

  it('creates embeddings: the base64 it asks for by default decodes to the float vectors', async () => {
    const client = openai(harness.virtualKey().secret);
    const byDefault = await client.embeddings.create({ model: 'openai/text-embedding-3-small', input: ['one', 'two'] });
    const floats = await client.embeddings.create({ model: 'openai/text-embedding-3-small', input: ['one', 'two'], encoding_format: 'float' });
    expect(byDefault.data).toHaveLength(2);
    expect(byDefault.data.map((item) => item.embedding)).toEqual(floats.data.map((item) => item.embedding));
  });

  it.each([
    [401, OpenAI.AuthenticationError, harness],
    [403, OpenAI.PermissionDeniedError, strict],
  ] as const)('after a revocation has propagated, throws the class for %i, with the code and the request id', async (status, ErrorClass, on) => {
    const { id, secret } = on.virtualKey();
    const client = openai(secret, on);
    await on.langwatch.virtualKeys.revoke(id);
    on.core.clock.advance(DEFAULT_PROPAGATION_MS - 1);
    await expect(client.models.list()).resolves.toBeDefined();
    on.core.clock.advance(1);
    for (const call of [() => client.models.list(), () => client.chat.completions.create({ model: 'm', messages: [], stream: true })]) {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({ status, code: 'virtual_key_revoked', type: 'virtual_key_revoked' });
      expect((error as InstanceType<typeof OpenAI.APIError>).requestID).toMatch(REQUEST_ID);
    }
  });

  it('throws AuthenticationError for a rotated-out secret once its grace window is over, exactly', async () => {
    const { id, secret } = harness.virtualKey();
    await harness.langwatch.virtualKeys.rotate(id);
    harness.core.clock.advance(DEFAULT_GRACE_MS - 1);
    await expect(openai(secret).models.list()).resolves.toBeDefined();
    harness.core.clock.advance(1);
    const error = await openai(secret).models.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect((error as InstanceType<typeof OpenAI.APIError>).requestID).toMatch(REQUEST_ID);
  });

  it('reads an unknown route\'s error (the mock answers /v1/responses in the gateway envelope)', async () => {
    const error = await openai(harness.virtualKey().secret)
      .responses.create({ model: 'openai/gpt-5-mini', input: 'hi' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });
});
