// Flags → settings, and the one-line reasons (exit 2) for everything else.
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '@revokit/mock/cli/args';
import { runCli as runCliInProcess } from '@revokit/mock/cli/main';
import { formatDuration, parseDuration } from '@revokit/mock/cli/durations';
import { runCli } from './support/cli-process.js';

const parse = (...argv: string[]) => parseCliArgs(argv, {});
const reasonFor = (argv: string[], env: Record<string, string> = {}) => {
  try {
    parseCliArgs(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

describe('defaults and flags', () => {
  it('defaults: 127.0.0.1:4010, system clock, demo on, pretty log, core timing defaults', () => {
    expect(parse()).toStrictEqual({
      kind: 'run', host: '127.0.0.1', port: 4010, graceMs: undefined, propagationMs: undefined, revokedKeyStatus: undefined, clock: 'system', seedPath: undefined, demo: true, log: 'pretty',
      sessionTtlMs: undefined, maxSessions: undefined, requireSession: false, controlToken: undefined, corsOrigins: [], allowedHosts: [],
    });
  });

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    const token = 'tok_0123456789abcdef';
    expect(
      parse('--host', '0.0.0.0', '-p', '0', '--grace=90m', '--propagation', '2s', '--revoked-status', '403', '--clock', 'frozen', '--seed', 's.json', '--no-demo', '--log=json',
        '--session-ttl', '5m', '--max-sessions=8', '--require-session', '--control-token', token, '--cors-origin', 'http://localhost:3000', '--allowed-host', 'mock'),
    ).toStrictEqual({
      kind: 'run', host: '0.0.0.0', port: 0, graceMs: 5_400_000, propagationMs: 2_000, revokedKeyStatus: 403, clock: 'frozen', seedPath: 's.json', demo: false, log: 'json',
      sessionTtlMs: 300_000, maxSessions: 8, requireSession: true, controlToken: token, corsOrigins: ['http://localhost:3000'], allowedHosts: ['mock'],
    });
    expect(parse('--revoked-status=401')).toMatchObject({ revokedKeyStatus: 401 });
  });

  it.each([
    [['--session-ttl', '0'], '--session-ttl: must be longer than 0'],
    [['--session-ttl', 'soon'], '--session-ttl: "soon" is not a duration (e.g. 500ms, 30s, 15m, 24h)'],
    [['--max-sessions', '0'], '--max-sessions: "0" is not a positive integer'],
    [['--max-sessions', '1e3'], '--max-sessions: "1e3" is not a positive integer'],
    [['--control-token', 'short'], '--control-token: a token is 16 to 256 printable characters without spaces'],
    [['--control-token', 'has a space in it, twenty+'], '--control-token: a token is 16 to 256 printable characters without spaces'],
  ])('session flags %j → %s', (argv, reason) => {
    expect(reasonFor(argv)).toBe(reason);
  });

  it('takes the port from PORT unless --port is given', () => {
    expect(parseCliArgs([], { PORT: '5000' })).toMatchObject({ port: 5000 });
    expect(parseCliArgs(['--port', '5001'], { PORT: '5000' })).toMatchObject({ port: 5001 });
    expect(reasonFor([], { PORT: 'http' })).toBe('PORT: "http" is not a port (an integer from 0 to 65535; 0 picks a free one)');
  });

  it('--help and --version win over everything else', () => {
    expect(parse('--port', '1', '--help')).toEqual({ kind: 'help' });
    expect(parse('-v')).toEqual({ kind: 'version' });
  });
});

describe('durations', () => {
  it.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['15m', 900_000],
    ['24h', 86_400_000],
    ['1.5h', 5_400_000],
    ['0', 0],
    ['1500', 1500],
  ])('%s is %i ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'h', '-1s', '1d', '1 h', '1e3ms', '1.5.2s', 'ten'])('%j is not a duration', (text) => expect(parseDuration(text)).toBeUndefined());

  it('prints the shortest exact spelling', () => {
    expect([86_400_000, 60_000, 90_000, 1_500, 0].map(formatDuration)).toEqual(['24h', '1m', '90s', '1500ms', '0ms']);
  });
});

describe('mistakes: one line naming the flag', () => {
  it.each([
    [['--frobnicate'], 'unknown flag --frobnicate (see --help)'],
    [['-x'], 'unknown flag -x (see --help)'],
    [['serve'], 'unexpected argument "serve": revokit-mock takes flags, or the command verify (see --help)'],
    [['--port'], '--port needs a value'],
    [['--port', '--grace', '1s'], '--port needs a value'],
    [['--help=yes'], '--help takes no value'],
    [['--port', '65536'], '--port: "65536" is not a port (an integer from 0 to 65535; 0 picks a free one)'],
    [['--port', '-1'], '--port: "-1" is not a port (an integer from 0 to 65535; 0 picks a free one)'],
    [['--grace', '-5s'], '--grace: "-5s" is not a duration (e.g. 500ms, 30s, 15m, 24h)'],
    [['-p', '-8'], '--port: "-8" is not a port (an integer from 0 to 65535; 0 picks a free one)'],
    [['--max-sessions', '-3'], '--max-sessions: "-3" is not a positive integer'],
    [['--port', '80.5'], '--port: "80.5" is not a port (an integer from 0 to 65535; 0 picks a free one)'],
    [['--grace', '1d'], '--grace: "1d" is not a duration (e.g. 500ms, 30s, 15m, 24h)'],
    [['--propagation', 'soon'], '--propagation: "soon" is not a duration (e.g. 500ms, 30s, 15m, 24h)'],
    [['--log', 'verbose'], '--log: "verbose" is not one of pretty, json, silent'],
    [['--clock', 'fake'], '--clock: "fake" is not one of system, frozen'],
    [['--revoked-status', '500'], '--revoked-status: "500" is not one of 401, 403'],
    [['--revoked-status', '403.0'], '--revoked-status: "403.0" is not one of 401, 403'],
    [['--host', 'a b'], '--host: "a b" is not a host name or IP address'],
    [['--seed='], '--seed needs a file path'],
  ])('%j → %s', (argv, reason) => {
    const message = reasonFor(argv);
    expect(message).toBe(reason);
    expect(message).not.toContain('\n');
  });

  it('runCli prints "revokit-mock: <reason>" on stderr and returns exit code 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const result = await runCliInProcess(['--log', 'loud'], {}, { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(result).toEqual({ exitCode: 2 });
    expect(out).toEqual([]);
    expect(err).toEqual(['revokit-mock: --log: "loud" is not one of pretty, json, silent\n']);
  });

  it('--help prints usage with every flag; --version prints the package version (exit 0)', async () => {
    const out: string[] = [];
    expect(await runCliInProcess(['--help'], {}, { out: (t) => out.push(t), err: () => {} })).toEqual({ exitCode: 0 });
    for (const flag of ['--host', '--port', '--grace', '--propagation', '--revoked-status', '--clock', '--seed', '--no-demo', '--log', '--help', '--version']) expect(out.join('')).toContain(flag);
    expect(out.join('')).toContain('the Vine API (create and revoke keys, detect)');
    expect(out.join('')).toContain('revokit-mock verify --target <url> [flags]');
    expect(out.join('')).toContain('--revoked-status <401|403>  what the gateway answers a revoked key with');
    out.length = 0;
    expect(await runCliInProcess(['--version'], {}, { out: (t) => out.push(t), err: () => {} })).toEqual({ exitCode: 0 });
    expect(out.join('')).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('the process', () => {
  it('exits 2 with one line on stderr for a bad flag', async () => {
    const cli = runCli(['--grace', 'forever']);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toBe('revokit-mock: --grace: "forever" is not a duration (e.g. 500ms, 30s, 15m, 24h)\n');
    expect(cli.stdout()).toBe('');
  });

  it('with --log json, a startup error is one JSON line too', async () => {
    const cli = runCli(['--log', 'json', '--grace', 'forever']);
    expect(await cli.exited).toBe(2);
    expect(JSON.parse(cli.stderr())).toEqual({ event: 'error', message: '--grace: "forever" is not a duration (e.g. 500ms, 30s, 15m, 24h)' });
    expect(cli.stderr().endsWith('\n')).toBe(true);
  });

  it('--revoked-status 403: the gateway answers a revoked key 403 once the revocation propagates, and the banner says so', async () => {
    const cli = runCli(['--port', '0', '--log', 'json', '--clock', 'frozen', '--revoked-status', '403']);
    const banner = JSON.parse(await cli.waitForLine((line) => line.startsWith('{'))) as { url: string; revoked_key_status: number; project: { api_key: string }; demo: { virtual_key: { id: string; secret: string } } };
    expect(banner.revoked_key_status).toBe(403);
    const { url, project, demo } = banner;
    const revoke = await fetch(`${url}/api/gateway/v1/virtual-keys/${demo.virtual_key.id}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${project.api_key}` } });
    expect(revoke.status).toBe(200);
    await fetch(`${url}/__mock/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advance_ms":60000}' });
    const models = await fetch(`${url}/v1/models`, { headers: { 'x-api-key': demo.virtual_key.secret } });
    expect(models.status).toBe(403);
    expect(await models.json()).toEqual({ error: { type: 'virtual_key_revoked', code: 'virtual_key_revoked', message: 'virtual_key_revoked' } });
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('exits 1 with one line when the port is taken', async () => {
    const first = runCli(['--port', '0', '--log', 'json']);
    const banner = JSON.parse(await first.waitForLine((line) => line.startsWith('{'))) as { url: string };
    const second = runCli(['--port', new URL(banner.url).port]);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toMatch(/^revokit-mock: cannot listen on 127\.0\.0\.1:\d+: the port is in use\n$/);
    const third = runCli(['--port', new URL(banner.url).port, '--log=json']);
    expect(await third.exited).toBe(1);
    expect(JSON.parse(third.stderr())).toEqual({ event: 'error', message: expect.stringMatching(/^cannot listen on 127\.0\.0\.1:\d+: the port is in use$/) });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });
});
