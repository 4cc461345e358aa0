// Real sockets for the SDK reliability suite: servers on port 0 that misbehave on purpose,
// and a way to drive the clients' waits with fake timers while real I/O runs.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { vi } from 'vitest';
import { TIMED_OUT } from '@revokit/runtime/abort';

export interface TestServer {
  url: string;
  /** Requests (HTTP) or connections (raw TCP) received so far. */
  hits(): number;
  close(): Promise<void>;
}

type Listening = { address(): AddressInfo | string | null; close(callback: () => void): unknown };

async function listen<S extends Listening & { listen(port: number, host: string, callback: () => void): unknown }>(server: S, hits: () => number, drop: () => void): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => {
      drop();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A node:http server; each request on a fresh connection, so a reused socket never fails first. */
export function httpServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<TestServer> {
  let hits = 0;
  const server = createHttpServer((request, response) => {
    hits++;
    response.shouldKeepAlive = false;
    request.resume();
    handler(request, response);
  });
  return listen(server, () => hits, () => server.closeAllConnections());
}

/** A node:net server that answers with raw bytes: for what node:http will not send. */
export function rawServer(onRequest: (socket: Socket) => void): Promise<TestServer> {
  let hits = 0;
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', () => {
      hits++;
      onRequest(socket);
    });
  });
  return listen(server, () => hits, () => sockets.forEach((socket) => socket.destroy()));
}

/** A URL nothing listens on: connections are refused. */
export async function refusingUrl(): Promise<string> {
  const server = await httpServer(() => {});
  await server.close();
  return server.url;
}

/** Polls real I/O (setImmediate, which the fake timers leave alone) until `done`, for at most 5 s of real time. */
export async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + 5_000;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Lets real I/O run for a moment: enough for a request that was (wrongly) sent to arrive. */
export async function settleIo(ms = 50): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Fake setTimeout/clearTimeout/Date (real sockets keep working), and a record of every wait
 * the clients schedule: per-attempt deadlines and retry sleeps both come from withDeadline,
 * which tags its timer with TIMED_OUT, so undici's own timers are not mistaken for them.
 */
export function fakeClock(now: number): { waits: number[] } {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now });
  const fakeSetTimeout = globalThis.setTimeout;
  const waits: number[] = [];
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: () => void, ms?: number, ...args: unknown[]) => {
    if (args[0] === TIMED_OUT) waits.push(ms ?? 0);
    return fakeSetTimeout(callback, ms, ...args);
  }) as typeof setTimeout);
  return { waits };
}
