// A request body over the limit. The 413 goes out at once, with `Connection: close`; the rest
// of the body is then read and discarded, and the connection closes when the body has ended.
// Closing earlier would leave unread input in the kernel, which then resets the connection: a
// client still sending would get ECONNRESET/EPIPE instead of the answer, or the reset could
// destroy the answer before it left. Draining is bounded in time, not in bytes (a 20 MiB upload
// cut at 16 MiB lost its 413 in 2 of 10 tries): a body that has not ended DRAIN_MS after the 413
// has its connection cut, the answer long sent. Discarding costs no memory.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORS_ALLOW_ORIGIN, CORS_EXPOSE_HEADERS } from './cors.js';

export const DRAIN_MS = 5_000;

const BODY = JSON.stringify({ error: 'payload_too_large', message: 'The request body is over 1 MiB' });

/** Answers 413 and drains the body for at most DRAIN_MS. */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(413, {
    'access-control-allow-origin': CORS_ALLOW_ORIGIN,
    'access-control-expose-headers': CORS_EXPOSE_HEADERS,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(BODY),
    connection: 'close',
  });
  // Written now, ended only once the body is drained: node closes a `Connection: close`
  // socket as soon as its response ends.
  res.write(BODY);
  const stop = () => {
    clearTimeout(timer);
    req.off('end', finish).off('close', finish);
  };
  const finish = () => {
    stop();
    res.end();
  };
  const timer = setTimeout(() => {
    stop();
    req.socket.destroy();
  }, DRAIN_MS);
  timer.unref();
  if (req.complete) return finish();
  req.on('end', finish).on('close', finish);
  req.resume();
}
