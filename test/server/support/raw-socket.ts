// Raw bytes on a TCP connection to the server: for what an HTTP client library would refuse
// to send (malformed requests, pipelining, bodies that never end).
import { connect, type Socket } from 'node:net';

/** Sends `data`, half-closes, and resolves with everything received (latin1) until the server closes. */
export function rawExchange(url: string, data: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = openRaw(url, () => socket.end(data));
    let out = '';
    socket.setEncoding('latin1').on('data', (chunk: string) => (out += chunk));
    socket.on('close', () => resolve(out)).on('error', () => undefined);
  });
}

/** A connection to the server's host and port. */
export function openRaw(url: string, onConnect?: () => void): Socket {
  const { hostname, port } = new URL(url);
  return connect(Number(port), hostname.replace(/^\[|\]$/g, ''), onConnect);
}

/** Splits a raw HTTP/1.1 response into status, lower-cased headers and body text. */
export function parseResponse(response: string): { status: number; headers: Record<string, string>; body: string } {
  const split = response.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = response.slice(0, split).split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: response.slice(split + 4) };
}

/** Every response in a stream of pipelined ones (each framed by its Content-Length), in order. */
export function parseResponses(stream: string): Array<ReturnType<typeof parseResponse>> {
  const responses: Array<ReturnType<typeof parseResponse>> = [];
  let rest = stream;
  while (rest.length > 0) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd === -1) throw new Error(`truncated response: ${JSON.stringify(rest.slice(0, 200))}`);
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(rest.slice(0, headEnd + 2))?.[1] ?? 0);
    const end = headEnd + 4 + length;
    responses.push(parseResponse(rest.slice(0, end)));
    rest = rest.slice(end);
  }
  return responses;
}
