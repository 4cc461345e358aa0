// Server-sent events over node:http: the head first, then one chunk per event, with the same CORS
// and request-id headers as every other answer.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';

const api = useServer();

function streamChunks(path: string, headers: Record<string, string>, body: string): Promise<{ status: number; headers: Record<string, unknown>; chunks: string[] }> {
  const url = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, agent: false }, (res) => {
      const chunks: string[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, chunks }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('streams on the server', () => {
  it('writes chat chunks as text/event-stream frames ending in data: [DONE], chunked, with CORS and X-Request-Id', async () => {
    const secret = api.server.credentials.demo!.virtual_key.secret;
    const reply = await streamChunks('/v1/chat/completions', { authorization: `Bearer ${secret}`, 'x-request-id': 'stream-1' }, JSON.stringify({ model: 'm', stream: true }));
    expect(reply.status).toBe(200);
    expect(reply.headers).toMatchObject({
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'transfer-encoding': 'chunked',
      'access-control-allow-origin': '*',
      'x-request-id': 'stream-1',
    });
    const text = reply.chunks.join('');
    const frames = text.split('\n\n').filter(Boolean);
    expect(frames.every((frame) => frame.startsWith('data: '))).toBe(true);
    expect(frames.at(-1)).toBe('data: [DONE]');
    expect(JSON.parse(frames[0]!.slice(6))).toMatchObject({ object: 'chat.completion.chunk' });
  });

  it('writes Anthropic\'s named events for /v1/messages', async () => {
    const secret = api.server.credentials.demo!.virtual_key.secret;
    const reply = await streamChunks('/v1/messages', { 'x-api-key': secret }, JSON.stringify({ model: 'm', max_tokens: 5, stream: true, messages: [] }));
    const names = reply.chunks.join('').split('\n\n').filter(Boolean).map((frame) => frame.split('\n')[0]);
    expect(names[0]).toBe('event: message_start');
    expect(names.at(-1)).toBe('event: message_stop');
  });
});

describe('Vine detect on the server', () => {
  it('answers 200 for the demo key, 401 in Vine\'s envelope once it is revoked', async () => {
    const { id, plaintext } = api.server.credentials.demo!.vine_key;
    const detect = () => api.post('/api/v1/detect', { url: 'https://studio.example/' }, { authorization: `Bearer ${plaintext}` });
    expect(await detect()).toMatchObject({ status: 200, body: { schemaVersion: 'extraction.v1', url: 'https://studio.example/', providers: [] } });
    await api.post(`/api/v1/keys/${id}/revoke`);
    expect(await detect()).toMatchObject({ status: 401, body: { error: { code: 'unauthorized', message: 'Missing, invalid, or revoked key' } } });
    await api.post('/__mock/reset');
  });
});
