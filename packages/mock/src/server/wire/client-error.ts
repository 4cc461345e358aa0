// What node:http refuses before a request exists (a malformed request line or header, headers
// over 16 KiB, conflicting Content-Length and Transfer-Encoding, a request too slow to arrive)
// gets the same JSON envelope and CORS header as every other answer, instead of node's bare
// status line. The request is never echoed: its bytes may hold a credential.
import type { Socket } from 'node:net';
import { CORS_ALLOW_ORIGIN, CORS_EXPOSE_HEADERS } from './cors.js';

type Refusal = [status: number, reason: string, error: string, message: string];

const REFUSALS: Record<string, Refusal> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'request_header_fields_too_large', 'The request line and headers are over 16 KiB'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Payload Too Large', 'payload_too_large', 'The chunk extensions are over 16 KiB'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request_timeout', 'The request did not arrive in time'],
};
const MALFORMED: Refusal = [400, 'Bad Request', 'bad_request', 'Malformed HTTP request'];

/** How long a refused client may go on sending (read and discarded) before its connection is cut. */
const LINGER_MS = 2_000;

const refused = new WeakSet<Socket>();

/** The server's 'clientError' listener. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // The parser reports its error again for every later chunk: answer once.
  if (refused.has(socket)) return;
  refused.add(socket);
  // Once a response has started on this connection, no other may be written into it.
  const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] = REFUSALS[error.code ?? ''] ?? MALFORMED;
  const body = JSON.stringify({ error: code, message });
  const head = [
    `HTTP/1.1 ${status} ${reason}`,
    `access-control-allow-origin: ${CORS_ALLOW_ORIGIN}`,
    `access-control-expose-headers: ${CORS_EXPOSE_HEADERS}`,
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];
  // end(), not destroy(): closing with unread input would reset the connection and could
  // discard the answer before it left. The rest of what the client sends is discarded.
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}
