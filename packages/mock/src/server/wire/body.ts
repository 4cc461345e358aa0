// Request bodies, bounded. Reading stops as soon as the limit is passed: the 413 and the
// draining of the rest are oversized-body.ts's job.
import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'too-large'; received: number } | { kind: 'aborted' };

/** Whether the request announces a body at all (most API calls here have none). */
export function announcesBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A Content-Length already over the limit: the answer is 413 without reading anything. */
export function declaresTooLarge(req: IncomingMessage, limit = MAX_BODY_BYTES): boolean {
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) && length > limit;
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const settle = (result: BodyResult) => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('aborted', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) chunks.push(chunk);
      else settle({ kind: 'too-large', received });
    };
    const onEnd = () => settle({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') });
    const onAbort = () => settle({ kind: 'aborted' });
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('aborted', onAbort);
  });
}
