// The bare server of the sdk-e2e bench part, in a child process of its own so it does not
// share the event loop with the clients: the least node:http can do to answer the LangWatch
// revoke, the same body every time. Tells its parent the port it listens on.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const body = JSON.stringify({
  virtual_key: {
    id: 'vk_bench',
    display_prefix: 'lw_vk_live_ab12',
    name: 'bench',
    description: null,
    environment: 'live',
    status: 'revoked',
    principal_user_id: null,
    provider_credential_ids: ['pc_1'],
    revision: '2',
    last_used_at: null,
    created_at: '2030-01-01T00:00:00.000Z',
  },
});
const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };

const server = createServer((request, response) => {
  request.resume();
  response.writeHead(200, headers).end(body);
});
server.listen(0, '127.0.0.1', () => process.send?.((server.address() as AddressInfo).port));
process.on('disconnect', () => process.exit(0));
