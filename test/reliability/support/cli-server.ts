// The real CLI as a child process with --log json, started and parsed from its banner line:
// for what is the process's behaviour (timeouts, signals, its stdout, its memory).
import { runCli, type CliProcess } from '../../server/support/cli-process.js';

export interface CliServer {
  cli: CliProcess;
  url: string;
  banner: { project: { id: string; api_key: string }; demo: { virtual_key: { id: string; secret: string }; admin_api_key: { id: string; token: string }; vine_key: { id: string; plaintext: string } } };
  /** The request log lines so far, parsed. */
  logLines(): Array<Record<string, unknown>>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | string>;
  /** SIGKILL if still running: for `finally`, so that a failed test leaves no process behind. */
  kill(): void;
}

export async function startCliServer(args: string[] = []): Promise<CliServer> {
  const cli = runCli(['--port', '0', '--log', 'json', ...args]);
  const line = await cli.waitForLine((text) => text.startsWith('{"event":"listening"'));
  const banner = JSON.parse(line) as CliServer['banner'] & { url: string };
  return {
    cli,
    url: banner.url,
    banner,
    logLines: () =>
      cli
        .stdout()
        .split('\n')
        .filter((text) => text !== '' && text !== line)
        .map((text) => JSON.parse(text) as Record<string, unknown>),
    stop() {
      if (cli.child.exitCode === null) cli.child.kill('SIGTERM');
      return cli.exited;
    },
    kill() {
      if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
    },
  };
}
