// A request body over the limit. The 413 goes out at once, with `Connection: close`; the rest
// of the body is then read and discarded, and the connection closes when the body has ended.
// Closing earlier would leave unread input in the kernel, which then resets the connection: a
// client still sending would get ECONNRESET/EPIPE instead of the answer, or the reset could
// destroy the answer before it left. Draining stops at MAX_DRAIN_BYTES of body: past that the
// connection is cut (the 413 was sent megabytes earlier). A drain too slow is cut by the
// server's request timeout.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORS_ALLOW_ORIGIN, CORS_EXPOSE_HEADERS } from './cors.js';

export const MAX_DRAIN_BYTES = 16 * 1024 * 1024;

const BODY = JSON.stringify({ error: 'payload_too_large', message: 'The request body is over 1 MiB' });

/** Answers 413 and drains the body; `alreadyRead` bytes of it were read before. */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse, alreadyRead: number): void {
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
  let drained = alreadyRead;
  const stop = () => {
    req.off('data', onData).off('end', finish).off('close', finish);
  };
  const finish = () => {
    stop();
    res.end();
  };
  const onData = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained <= MAX_DRAIN_BYTES) return;
    stop();
    req.socket.destroy();
  };
  if (req.complete) return finish();
  req.on('data', onData).on('end', finish).on('close', finish);
  req.resume();
}
