// The official `@anthropic-ai/sdk` against the mock gateway's /v1/messages, through MSW and through
// the server: plain and streamed messages, then the errors after a revocation and a grace window.
// The SDK reads its request id from a `request-id` header, which the real gateway never sends (it
// sends X-Request-Id), so `requestID` is null in production too; the id is in `error.headers`.
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_MS, DEFAULT_PROPAGATION_MS } from '@revokit/mock';
import { gatewayHarnesses, type GatewayHarness, type Transport } from './support/gateway-harness.js';

const REQUEST_ID = /^req_[0-9a-f]{30}$/;
const MODEL = 'anthropic/claude-haiku-4-5';
const ASK = { model: MODEL, max_tokens: 64, messages: [{ role: 'user' as const, content: 'hi' }] };

describe.each<Transport>(['msw', 'server'])('@anthropic-ai/sdk through %s', (transport) => {
  const harnesses = gatewayHarnesses(transport);
  const { spec, production } = harnesses;
  beforeAll(() => harnesses.start());
  afterAll(() => harnesses.stop());
  const anthropic = (secret: string, on: GatewayHarness = spec) => new Anthropic({ apiKey: secret, baseURL: on.gatewayUrl, maxRetries: 0 });

  it('creates a message', async () => {
    const message = await anthropic(spec.virtualKey().secret).messages.create(ASK);
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: MODEL, stop_reason: 'end_turn' });
    expect(message.content).toEqual([{ type: 'text', text: 'Hello from the revokit mock gateway.' }]);
  });

  it('streams a message: Anthropic\'s events, more than zero of them, and the SDK\'s helper assembles the text', async () => {
    const client = anthropic(spec.virtualKey().secret);
    const events: string[] = [];
    for await (const event of await client.messages.create({ ...ASK, stream: true })) events.push(event.type);
    expect(events[0]).toBe('message_start');
    expect(events.at(-1)).toBe('message_stop');
    expect(events.filter((type) => type === 'content_block_delta').length).toBeGreaterThan(0);
    expect(await client.messages.stream(ASK).finalText()).toBe('Hello from the revokit mock gateway.');
  });

  it.each([
    [401, Anthropic.AuthenticationError, 'spec'],
    [403, Anthropic.PermissionDeniedError, 'production'],
  ] as const)('after a revocation has propagated, throws the class for %i; the request id is in the headers, requestID is null', async (status, ErrorClass, which) => {
    const on = which === 'spec' ? spec : production;
    const { id, secret } = on.virtualKey();
    const client = anthropic(secret, on);
    await on.langwatch.virtualKeys.revoke(id);
    on.core.clock.advance(DEFAULT_PROPAGATION_MS - 1);
    await expect(client.messages.create(ASK)).resolves.toBeDefined();
    on.core.clock.advance(1);
    for (const call of [() => client.messages.create(ASK), () => client.messages.create({ ...ASK, stream: true })]) {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({ status, error: { error: { type: 'virtual_key_revoked', code: 'virtual_key_revoked' } } });
      expect((error as InstanceType<typeof Anthropic.APIError>).headers?.get('x-request-id')).toMatch(REQUEST_ID);
      expect((error as InstanceType<typeof Anthropic.APIError>).requestID).toBeNull();
    }
  });

  it('throws AuthenticationError for a rotated-out secret once its grace window is over, exactly', async () => {
    const { id, secret } = spec.virtualKey();
    await spec.langwatch.virtualKeys.rotate(id);
    spec.core.clock.advance(DEFAULT_GRACE_MS - 1);
    await expect(anthropic(secret).messages.create(ASK)).resolves.toBeDefined();
    spec.core.clock.advance(1);
    const error = await anthropic(secret).messages.create(ASK).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(error).toMatchObject({ status: 401, error: { error: { type: 'invalid_api_key' } } });
    expect((error as InstanceType<typeof Anthropic.APIError>).headers?.get('x-request-id')).toMatch(REQUEST_ID);
  });
});
