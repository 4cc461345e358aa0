// A small HTTP proxy in front of a target, which may rewrite an answer: what production looks
// like where it differs from the mock in one chosen way.
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  path: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Returns the answer to send instead, 'drop' to cut the connection (the target acted, the answer is lost), or undefined to pass it on unchanged. */
export type Rewrite = (exchange: Exchange) => Partial<Pick<Exchange, 'status' | 'headers' | 'body'>> | 'drop' | undefined;

export async function startProxy(target: string, rewrite: Rewrite): Promise<{ url: string; rewritten: Exchange[]; close(): Promise<void> }> {
  const upstream = new URL(target);
  const rewritten: Exchange[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('end', () => {
          const exchange: Exchange = { method: req.method!, path: req.url!, status: answer.statusCode!, headers: answer.headers, body: Buffer.concat(parts).toString('utf8') };
          const replacement = rewrite(exchange);
          if (replacement) rewritten.push(exchange);
          if (replacement === 'drop') return void res.socket?.destroy();
          const out = { ...exchange, ...replacement };
          const headers = { ...out.headers };
          delete headers['content-length'];
          delete headers['transfer-encoding'];
          res.writeHead(out.status, { ...headers, 'content-length': Buffer.byteLength(out.body) });
          res.end(out.body);
        });
      });
      forward.on('error', () => res.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rewritten,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
