// The baseline of the throughput parts: the least a node:http server can do to answer an API
// call, the same JSON body every time, whatever the method, path or headers. Plain JavaScript,
// so node runs it as it is. Usage: node scripts/bench/bare-server.mjs <port> <json body>
import { createServer } from 'node:http';

const [port, body = '{}'] = process.argv.slice(2);
const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
}).listen(Number(port), '127.0.0.1');
