// `revokit-mock --log json | head -1`: the reader of stdout goes away after the banner. The
// next log line meets a closed pipe (EPIPE); the server must go on answering, and still stop
// cleanly on SIGTERM.
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from '../server/support/cli-process.js';
import { send } from '../server/support/server.js';

describe('the stdout reader goes away', () => {
  for (const format of ['json', 'pretty'] as const) {
    it(`--log ${format}: requests after the pipe closed are still answered, exit 0 on SIGTERM`, async () => {
      const cli = runCli(['--port', '0', '--log', format]);
      onTestFinished(() => void (cli.child.exitCode === null && cli.child.signalCode === null && cli.child.kill('SIGKILL')));
      const firstLine = await cli.waitForLine((line) => line.includes('127.0.0.1:'));
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(firstLine)![0];
      // Our end of the child's stdout pipe closes, as `head -1` does after its line.
      cli.child.stdout!.destroy();
      for (let i = 0; i < 20; i++) {
        const reply = await send(url, 'GET', i % 2 ? '/__mock/health' : '/nope');
        expect(reply.status).toBe(i % 2 ? 200 : 404);
      }
      expect(cli.child.exitCode).toBeNull();
      cli.child.kill('SIGTERM');
      expect(await cli.exited).toBe(0);
      if (format === 'json') expect(JSON.parse(cli.stderr().split('\n')[0]!)).toEqual({ event: 'warning', message: expect.stringMatching(/^stdout is gone \(EPIPE\)/) });
      else expect(cli.stderr()).toMatch(/^revokit-mock: stdout is gone \(EPIPE\)/);
      expect(cli.stderr()).not.toMatch(/Error|at /);
    });
  }
});
