// The README suite's `server.listen(...)` line must make a request no handler owns fail, not
// go on to the network. A local server stands in for the network: it counts what reaches it.
// The listen line below is the README's, character for character (readme-sync checks it); the
// compat matrix runs this file unchanged on msw 2 and msw 3, in ES-module and CommonJS projects.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createVineMock, onUnhandled } from '@revokit/mock';

let reached = 0;
const network = createServer((_request, response) => {
  reached += 1;
  response.end('reached the network');
});
const server = setupServer(...createVineMock().handlers);

beforeAll(async () => {
  await new Promise<void>((resolve) => network.listen(0, '127.0.0.1', resolve));
  server.listen(onUnhandled('error'));
});
afterAll(async () => {
  server.close();
  await new Promise((resolve) => network.close(resolve));
});

it('fails a request that no handler owns, before it reaches the network', async () => {
  const { port } = network.address() as AddressInfo;
  const outcome = await fetch(`http://127.0.0.1:${port}/not-mocked`).then(
    async (response) => `answered ${response.status}: ${await response.text()}`,
    () => 'failed',
  );
  expect({ outcome, reached }).toEqual({ outcome: 'failed', reached: 0 });
});
