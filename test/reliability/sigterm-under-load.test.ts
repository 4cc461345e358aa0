// SIGTERM while 300 requests are in flight (held by injected delays, some with bodies): every
// one is answered, with Connection: close, no new connection is taken, and the process exits 0.
import { Agent, request } from 'node:http';
import { expect, it, onTestFinished } from 'vitest';
import { send } from '../server/support/server.js';
import { startCliServer } from './support/cli-server.js';

const PER_OPERATION = 100;
const HOLD_MS = 3_000;

it(`SIGTERM with ${3 * PER_OPERATION} requests in flight: all answered, exit 0`, async () => {
  const server = await startCliServer();
  onTestFinished(() => server.kill());
  const { demo } = server.banner;
  const bearer = { authorization: `Bearer ${demo.virtual_key.secret}` };
  for (const operation_id of ['postApiV1KeysByIdRevoke', 'gatewayListModels', 'gatewayCreateChatCompletion']) {
    const queued = await send(server.url, 'POST', '/__mock/faults', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ operation_id, delay_ms: HOLD_MS, times: PER_OPERATION }) });
    expect(queued.status).toBe(201);
  }
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      request(new URL(path, server.url), { method, headers, agent }, (res) => {
        res.resume().on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      })
        .on('error', reject)
        .end(body);
    });
  const chat = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
  const inFlight = Array.from({ length: PER_OPERATION }, () => [
    call('POST', `/api/v1/keys/${demo.vine_key.id}/revoke`),
    call('GET', '/v1/models', bearer),
    call('POST', '/v1/chat/completions', { ...bearer, 'content-type': 'application/json' }, chat),
  ]).flat();

  // The mocks journal a request when they take it, before its delay: wait until all are taken.
  for (let seen = 0; seen < inFlight.length; ) {
    const { body } = await send(server.url, 'GET', '/__mock/requests');
    seen = body.langwatch.length + body.vine.length;
    if (seen < inFlight.length) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  server.cli.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 200));
  await expect(send(server.url, 'GET', '/__mock/health')).rejects.toThrow(/ECONNREFUSED/);

  const answers = await Promise.allSettled(inFlight);
  const failures = answers.filter((answer) => answer.status === 'rejected');
  expect(failures).toEqual([]);
  const replies = answers.map((answer) => (answer as PromiseFulfilledResult<{ status: number; connection: string | undefined }>).value);
  expect(replies.filter((reply) => reply.status !== 200)).toEqual([]);
  expect(replies.filter((reply) => reply.connection !== 'close')).toEqual([]);
  expect(await server.cli.exited).toBe(0);
  agent.destroy();
}, 60_000);
