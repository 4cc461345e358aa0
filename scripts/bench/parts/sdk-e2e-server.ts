// The bare server of the sdk-e2e bench part, in a child process of its own so it does not
// share the event loop with the clients: the least node:http can do to answer the LangWatch
// revoke, the same body every time. Tells its parent the port it listens on.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { revokeBody } from '../../../packages/langwatch/src/testing/fixtures.ts';

const body = JSON.stringify(revokeBody);
const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };

const server = createServer((request, response) => {
  request.resume();
  response.writeHead(200, headers).end(body);
});
server.listen(0, '127.0.0.1', () => process.send?.((server.address() as AddressInfo).port));
process.on('disconnect', () => process.exit(0));
