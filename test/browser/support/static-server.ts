// A minimal static server on 127.0.0.1 (a secure context, so service workers are allowed):
// the page, its bundle, and MSW's worker script read from the installed msw package so the
// worker always matches the msw version that built the bundle.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);
const HTML = '<!doctype html><meta charset="utf-8"><title>revokit browser test</title><link rel="icon" href="data:,"><script type="module" src="/app.js"></script>';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveScenario(bundle: string): Promise<StaticServer> {
  const workerScript = await readFile(require.resolve('msw/mockServiceWorker.js'), 'utf8');
  const files: Record<string, [type: string, body: string]> = {
    '/': ['text/html', HTML],
    '/app.js': ['text/javascript', bundle],
    '/mockServiceWorker.js': ['text/javascript', workerScript],
  };
  const server: Server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': `${file[0]}; charset=utf-8`, 'cache-control': 'no-store' }).end(file[1]);
  });
  // Port 0: the OS picks a free port, so parallel runs do not collide.
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
