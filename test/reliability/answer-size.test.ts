// Finding 5 of issue 17: a data-plane request must not cost the server more than a bounded answer.
// An 8 kB /v1/embeddings request (2,048 inputs, dimensions 4096) got a 180 MB answer after seconds
// of blocked event loop. Embeddings are bounded as OpenAI bounds them (2,048 inputs, 3,072
// dimensions) and by the mock's own budget of numbers per answer; a 400 in the gateway's envelope
// past them. The same look at the other routes: a model name is echoed in every chunk of a stream.
import { describe, expect, it } from 'vitest';
import { useServer } from '../server/support/server.js';

const MiB = 1024 * 1024;
/** No data-plane answer may be larger, whatever the body (at most 1 MiB). */
const MAX_ANSWER = 8 * MiB;

describe('data-plane answers are bounded (finding 5)', () => {
  const api = useServer({ log: 'silent' });
  const key = () => ({ authorization: `Bearer ${api.server.credentials.demo!.virtual_key.secret}` });
  const embed = (body: object) => api.post('/v1/embeddings', { model: 'openai/text-embedding-3-small', ...body }, key());
  const inputs = (count: number) => Array.from({ length: count }, (_, i) => `t${i}`);
  const expectBadRequest = (reply: Awaited<ReturnType<typeof embed>>, mentions: string) => {
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: { type: 'bad_request', code: 'bad_request', message: expect.stringContaining(mentions) } });
  };

  it('refuses more dimensions than OpenAI serves (3,072), and more inputs than it takes (2,048)', async () => {
    expectBadRequest(await embed({ input: 'hello', dimensions: 4096 }), '3072');
    expect((await embed({ input: 'hello', dimensions: 3072 })).status).toBe(200);
    expectBadRequest(await embed({ input: inputs(2049) }), '2048');
  });

  it('refuses an answer of more numbers than the budget: 2,048 inputs of 1,024 dimensions from an 8 kB request', async () => {
    const reply = await embed({ input: inputs(2048), dimensions: 1024 });
    expectBadRequest(reply, 'inputs × dimensions');
    expect(reply.text.length).toBeLessThan(1024);
  });

  it('keeps every answer under 8 MiB, streams included, for the largest bodies each route accepts', async () => {
    const huge = 'm'.repeat(MiB - 200);
    const cases: Array<[string, string, object]> = [
      ['largest embeddings in the budget', '/v1/embeddings', { model: 'm', input: inputs(2048), dimensions: 128 }],
      ['largest embeddings as base64', '/v1/embeddings', { model: 'm', input: inputs(85), dimensions: 3072, encoding_format: 'base64' }],
      ['chat stream with a 1 MiB model name', '/v1/chat/completions', { model: huge, stream: true, messages: [] }],
      ['chat with a 1 MiB model name', '/v1/chat/completions', { model: huge, messages: [] }],
      ['messages stream with a 1 MiB model name', '/v1/messages', { model: huge, stream: true, max_tokens: 1, messages: [] }],
    ];
    for (const [what, path, body] of cases) {
      const reply = await api.post(path, body, key());
      expect(reply.status, what).toBeLessThan(500);
      expect(reply.text.length, what).toBeLessThanOrEqual(MAX_ANSWER);
    }
  });
});
