// A bare node:http server answering the Vine revoke with a fixed body: the baseline the
// client benchmark subtracts. Run as a child process so it does not share the event loop.
import { createServer } from 'node:http';

const body = JSON.stringify({ key: { id: 'key_bench', name: 'bench', keyPrefix: 'vine_live_ab', revokedAt: '2030-01-01T00:00:00.000Z' } });
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.send?.(server.address().port));
process.on('disconnect', () => process.exit(0));
