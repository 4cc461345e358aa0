// The CLI's stdout and stderr as line writers that survive their reader going away
// (`revokit-mock --log json | head -1`). A closed pipe is an EPIPE 'error' event on the stream,
// which would otherwise kill the process: here the first write error turns that stream off and
// the server goes on serving, without whatever would have been written there.
import type { Writable } from 'node:stream';

/** A write function for `stream` that drops its text once the stream has failed. */
export function survivingWriter(stream: Writable, onGone: (error: Error) => void = () => {}): (text: string) => void {
  let open = true;
  const gone = (error: Error) => {
    if (!open) return;
    open = false;
    onGone(error);
  };
  stream.on('error', gone);
  return (text) => {
    if (!open) return;
    try {
      stream.write(text);
    } catch (error) {
      gone(error as Error); // a stream already destroyed may throw instead of emitting
    }
  };
}
