// A cheap load generator: raw keep-alive connections, each writing `depth` requests at a time
// (pipelined) and reading their answers before the next batch, so that the client costs little
// next to the server under test. Answers are framed by their Content-Length.
import { openRaw } from '../../server/support/raw-socket.js';

export interface LoadOptions {
  total: number;
  connections: number;
  depth: number;
  /** The n-th request's bytes (n counts from 0 across all connections). */
  request(n: number): string;
  /** Called after each batch with the number of answers received so far. */
  onProgress?(answered: number): void | Promise<void>;
}

/** Resolves with how many answers of each status came back. */
export async function pipelinedLoad(url: string, options: LoadOptions): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let issued = 0;
  let answered = 0;
  const worker = async () => {
    const socket = openRaw(url);
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.setEncoding('latin1');
    let pending = '';
    try {
      while (issued < options.total) {
        const batch = Math.min(options.depth, options.total - issued);
        const first = issued;
        issued += batch;
        socket.write(Array.from({ length: batch }, (_, i) => options.request(first + i)).join(''));
        await new Promise<void>((resolve, reject) => {
          let left = batch;
          const onData = (chunk: string) => {
            pending += chunk;
            for (;;) {
              const headEnd = pending.indexOf('\r\n\r\n');
              if (headEnd === -1) break;
              const length = Number(/\r\ncontent-length: *(\d+)/i.exec(pending.slice(0, headEnd + 2))?.[1] ?? 0);
              if (pending.length < headEnd + 4 + length) break;
              const status = Number(pending.slice(9, 12));
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
              pending = pending.slice(headEnd + 4 + length);
              left -= 1;
            }
            if (left === 0) {
              socket.off('data', onData).off('close', onClose);
              resolve();
            }
          };
          const onClose = () => reject(new Error(`connection closed with ${left} answers missing`));
          socket.on('data', onData).once('close', onClose);
        });
        answered += batch;
        await options.onProgress?.(answered);
      }
    } finally {
      socket.destroy();
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  return statuses;
}
