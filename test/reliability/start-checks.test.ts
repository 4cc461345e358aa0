// Finding 11 of issue 17 and its "Also" items: what the server refuses at start rather than fail on
// later. Durations past the date range (--grace 2500000000h made every listing a 500 after one
// rotation) and a duration without its unit (--propagation 1.5 meant 1.5 ms, issue 20) stop the CLI
// with exit status 2; the control token can come from REVOKIT_CONTROL_TOKEN, out of `ps`.
import { describe, expect, it } from 'vitest';
import { createMockServer } from '@revokit/mock/server';
import { parseCliArgs, UsageError } from '@revokit/mock/cli/args';
import { runCli } from '@revokit/mock/cli/main';
import { helpText } from '@revokit/mock/cli/help';
import { send } from '../server/support/server.js';

const reasonFor = (argv: string[], env: Record<string, string> = {}) => {
  try {
    parseCliArgs(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

const quietIo = () => {
  const err: string[] = [];
  return { io: { out: () => undefined, err: (text: string) => void err.push(text) }, err };
};

describe('durations past the date range (finding 11)', () => {
  it('--grace and --propagation: exit 2 with a reason, before anything listens', async () => {
    expect(reasonFor(['--grace', '2500000000h'])).toMatch(/^--grace: "2500000000h" is past the date range: at most \d+h$/);
    expect(reasonFor(['--propagation', '9000000000000000ms'])).toMatch(/^--propagation: .* is past the date range/);
    const { io, err } = quietIo();
    expect(await runCli(['--grace', '2500000000h', '--port', '0'], {}, io)).toEqual({ exitCode: 2 });
    expect(err.join('')).toMatch(/past the date range/);
  });

  it('the largest accepted duration still lists a rotated key at the end of the calendar', async () => {
    const max = reasonFor(['--grace', '2500000000h']).match(/at most (\d+)h/)![1]!;
    const settings = parseCliArgs(['--grace', `${max}h`, '--propagation', `${max}h`], {});
    if (settings.kind !== 'run') throw new Error('expected run settings');
    const server = createMockServer({ graceMs: settings.graceMs, propagationMs: settings.propagationMs, clock: 'frozen' });
    const url = await server.listen({ port: 0 });
    try {
      const json = { 'content-type': 'application/json' };
      expect((await send(url, 'POST', '/__mock/clock', { headers: json, body: '{"now":"9999-12-31T23:59:59.999Z"}' })).status).toBe(200);
      const { project, demo } = server.credentials;
      expect((await send(url, 'POST', `/api/gateway/v1/virtual-keys/${demo!.virtual_key.id}/rotate`, { headers: { 'x-auth-token': project.apiKey } })).status).toBe(200);
      expect((await send(url, 'POST', `/api/gateway/v1/virtual-keys/${demo!.virtual_key.id}/revoke`, { headers: { 'x-auth-token': project.apiKey } })).status).toBe(200);
      expect((await send(url, 'GET', '/__mock/langwatch/virtual-keys')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('createMockServer refuses them too, with a RangeError', () => {
    expect(() => createMockServer({ graceMs: 2_500_000_000 * 3_600_000 })).toThrow(RangeError);
    expect(() => createMockServer({ propagationMs: 9e15 })).toThrow(RangeError);
  });
});

describe('a duration without its unit (issue 20)', () => {
  it('is refused below 1,000, naming the units; 1000 and more are still milliseconds', () => {
    expect(reasonFor(['--propagation', '1.5'])).toBe('--propagation: "1.5" has no unit: write 1.5s, 1.5m, 1.5h or 1.5ms (e.g. 500ms, 30s, 15m, 24h)');
    expect(reasonFor(['--grace', '999'])).toMatch(/^--grace: "999" has no unit/);
    expect(reasonFor(['--session-ttl', '60'])).toMatch(/^--session-ttl: "60" has no unit/);
    expect(parseCliArgs(['--propagation', '1000', '--grace', '86400000'], {})).toMatchObject({ propagationMs: 1000, graceMs: 86_400_000 });
    expect(parseCliArgs(['--propagation', '0'], {})).toMatchObject({ propagationMs: 0 });
  });
});

describe('the control token from the environment ("Also")', () => {
  it('REVOKIT_CONTROL_TOKEN is the token when --control-token is not given; the flag wins', async () => {
    const token = 'env-token-0123456789';
    expect(parseCliArgs([], { REVOKIT_CONTROL_TOKEN: token })).toMatchObject({ controlToken: token });
    expect(parseCliArgs(['--control-token', 'flag-token-0123456789'], { REVOKIT_CONTROL_TOKEN: token })).toMatchObject({ controlToken: 'flag-token-0123456789' });
    expect(reasonFor([], { REVOKIT_CONTROL_TOKEN: 'short' })).toMatch(/^REVOKIT_CONTROL_TOKEN: /);
    expect(helpText()).toContain('REVOKIT_CONTROL_TOKEN');

    const { io } = quietIo();
    const started = await runCli(['--port', '0', '--log', 'silent'], { REVOKIT_CONTROL_TOKEN: token }, io);
    if (!('server' in started)) throw new Error(`exit ${started.exitCode}`);
    try {
      const url = started.server.url;
      expect((await send(url, 'GET', '/__mock/clock')).status).toBe(401);
      expect((await send(url, 'GET', '/__mock/clock', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await started.server.close();
    }
  });
});

describe('--cors-origin and --allowed-host (finding 1)', () => {
  it('are repeatable, checked, and reach the server', () => {
    expect(parseCliArgs(['--cors-origin', 'http://localhost:3000', '--cors-origin=https://app.test', '--allowed-host', 'mock', '--allowed-host', '.internal'], {})).toMatchObject({
      corsOrigins: ['http://localhost:3000', 'https://app.test'],
      allowedHosts: ['mock', '.internal'],
    });
    expect(parseCliArgs([], {})).toMatchObject({ corsOrigins: [], allowedHosts: [] });
    expect(reasonFor(['--cors-origin', 'localhost:3000'])).toMatch(/^--cors-origin: "localhost:3000" is not an origin/);
    expect(reasonFor(['--cors-origin', 'http://app.test/path'])).toMatch(/^--cors-origin: /);
    expect(reasonFor(['--allowed-host', 'bad host'])).toMatch(/^--allowed-host: /);
    expect(helpText()).toMatch(/--cors-origin <origin>/);
    expect(helpText()).toMatch(/--allowed-host <host>/);
  });
});
