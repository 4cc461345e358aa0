// Graceful stop: no new connections, idle keep-alive connections closed now, requests in
// flight (an injected delay included) answered with `Connection: close`, then done. A request
// still running after `timeoutMs` has its connection cut, so a stop always ends.
import type { Server } from 'node:http';

export function closeGracefully(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
