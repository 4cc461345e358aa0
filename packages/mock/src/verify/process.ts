// `revokit-mock verify` as a process: SIGINT and SIGTERM stop the run, revoke what it created,
// print the report so far and exit 130/143; a second signal exits at once.
import { survivingWriter } from '../cli/stdio.js';
import { runVerify } from './main.js';

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15 };

export async function runVerifyProcess(argv: readonly string[]): Promise<number> {
  const io = { out: survivingWriter(process.stdout), err: survivingWriter(process.stderr) };
  const stop = new AbortController();
  const abort = new AbortController();
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received === undefined) {
      received = signal;
      io.err(`revokit-mock verify: ${signal}: stopping, then revoking what this run created (${signal} again to exit at once)\n`);
      stop.abort(new Error(`stopped by ${signal}`));
      return;
    }
    abort.abort(new Error(`stopped by ${signal}`));
    io.err(`revokit-mock verify: ${signal} again: exiting now; keys named revokit-verify-… that this run created may still be active\n`);
    process.exit(128 + (SIGNAL_NUMBERS[signal] ?? 0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await runVerify(argv, process.env, io, { stop: stop.signal, abort: abort.signal, received: () => received });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
