// SIGINT/SIGTERM: stop accepting, finish the requests in flight, exit 0.
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli-process.js';
import { send } from './support/server.js';

async function startCli() {
  const cli = runCli(['--port', '0', '--log', 'json']);
  const banner = JSON.parse(await cli.waitForLine((line) => line.startsWith('{"event":"listening"'))) as { url: string; demo: { vine_key: { id: string } } };
  return { cli, ...banner };
}

describe('graceful shutdown', () => {
  it('SIGTERM: a request in flight (held by a delay fault) is answered, new connections are refused, exit 0', async () => {
    const { cli, url, demo } = await startCli();
    await send(url, 'POST', '/__mock/faults', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ operation_id: 'postApiV1KeysByIdRevoke', delay_ms: 400 }) });
    const inFlight = send(url, 'POST', `/api/v1/keys/${demo.vine_key.id}/revoke`);
    // The journal records the request when the mock takes it, before the delay.
    for (let i = 0; i < 100; i++) {
      const { body } = await send(url, 'GET', '/__mock/requests');
      if (body.vine.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    cli.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(send(url, 'GET', '/__mock/health')).rejects.toThrow(/ECONNREFUSED/);
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.headers.connection).toBe('close');
    expect(await cli.exited).toBe(0);
  });

  it('SIGINT with nothing in flight (and an idle keep-alive connection open): exit 0 at once', async () => {
    const { cli, url } = await startCli();
    const { Agent, request } = await import('node:http');
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      request(`${url}/__mock/health`, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject).end();
    });
    const started = performance.now();
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(performance.now() - started).toBeLessThan(3_000);
    agent.destroy();
  });
});
