// `npm start --port 0` hands --port to npm (npm_config_port) and only "0" to the server; the CLI
// says so, and how to pass flags (after --), instead of a bare "unexpected argument".
import { expect, it } from 'vitest';
import { runCli } from '@revokit/mock/cli/main';

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (text: string) => void out.push(text), err: (text: string) => void err.push(text) } };
};

it('npm start --port 0: the refusal of "0" says npm kept --port and shows npm start -- --port', async () => {
  const { err, io: streams } = io();
  const result = await runCli(['0'], { npm_lifecycle_event: 'start', npm_config_port: 'true' }, streams);
  expect(result).toEqual({ exitCode: 2 });
  expect(err.join('')).toBe(
    'revokit-mock: unexpected argument "0": revokit-mock takes flags, or the command verify (see --help) (npm kept --port for itself, so revokit-mock never saw it: put flags for the server after --, as in: npm start -- --port <value>)\n',
  );
});

it('npm start --grace=1m: the server starts, and warns that the flag went to npm', async () => {
  const { out, err, io: streams } = io();
  const result = await runCli(['--port', '0', '--log', 'silent'], { npm_lifecycle_event: 'start', npm_config_grace: '1m' }, streams);
  if (!('server' in result)) throw new Error(`did not start: ${err.join('')}`);
  await result.server.close();
  expect(out.join('')).toContain('listening on http://127.0.0.1:');
  expect(err.join('')).toBe('revokit-mock: warning: npm kept --grace for itself, so revokit-mock never saw it: put flags for the server after --, as in: npm start -- --grace <value>\n');
});

it('says nothing outside npm, or when npm kept none of its flags', async () => {
  for (const env of [{ npm_config_port: '0' }, { npm_lifecycle_event: 'test', npm_config_cache: '/tmp' }]) {
    const { err, io: streams } = io();
    const result = await runCli(['--port', '0', '--log', 'silent'], env, streams);
    if ('server' in result) await result.server.close();
    expect(err.join('')).toBe('');
  }
});
