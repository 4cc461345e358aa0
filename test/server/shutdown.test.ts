// SIGINT/SIGTERM: stop accepting, finish the requests in flight, exit 0.
import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli-process.js';
import { send } from './support/server.js';

/** A request on a keep-alive connection, so that only the server can decide to close it. */
function keepAliveRequest(agent: Agent, url: string, method = 'GET') {
  return new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
    request(url, { agent, method }, (res) => {
      res.resume().on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
    })
      .on('error', reject)
      .end();
  });
}

async function startCli() {
  const cli = runCli(['--port', '0', '--log', 'json']);
  const banner = JSON.parse(await cli.waitForLine((line) => line.startsWith('{"event":"listening"'))) as { url: string; demo: { vine_key: { id: string } } };
  return { cli, ...banner };
}

describe('graceful shutdown', () => {
  it('SIGTERM: a request in flight (held by a delay fault) is answered, new connections are refused, exit 0', async () => {
    const { cli, url, demo } = await startCli();
    await send(url, 'POST', '/__mock/faults', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ operation_id: 'postApiV1KeysByIdRevoke', delay_ms: 400 }) });
    const agent = new Agent({ keepAlive: true });
    const inFlight = keepAliveRequest(agent, `${url}/api/v1/keys/${demo.vine_key.id}/revoke`, 'POST');
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
    expect(answered.connection).toBe('close');
    expect(await cli.exited).toBe(0);
    expect(cli.stdout().trimEnd().split('\n').at(-1)).toBe('{"event":"stopped","signal":"SIGTERM"}');
    agent.destroy();
  });

  it('SIGINT with nothing in flight (and an idle keep-alive connection open): exit 0 at once', async () => {
    const { cli, url } = await startCli();
    const agent = new Agent({ keepAlive: true });
    expect(await keepAliveRequest(agent, `${url}/__mock/health`)).toEqual({ status: 200, connection: 'keep-alive' });
    const started = performance.now();
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(cli.stdout().trimEnd().split('\n').at(-1)).toBe('{"event":"stopped","signal":"SIGINT"}');
    agent.destroy();
  });

  it('pretty: one plain line once stopped', async () => {
    const cli = runCli(['--port', '0']);
    await cli.waitForLine((line) => line.includes('listening on'));
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.stdout().trimEnd().split('\n').at(-1)).toBe('revokit-mock stopped (SIGTERM)');
  });
});
