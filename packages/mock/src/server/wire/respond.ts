// Writing answers onto a node:http response, JSON bodies with an exact Content-Length. API answers
// carry the CORS headers so that browser apps can read them; control-plane answers only for an
// origin allowed to read them (cors.ts). Headers go to writeHead as a flat [name, value, …] array:
// on the hot path that avoids building and walking objects.
import type { ServerResponse } from 'node:http';
import { CORS_ALLOW_ORIGIN, CORS_EXPOSE_HEADERS, type AllowOrigin } from './cors.js';

export type ExtraHeaders = Readonly<Record<string, string>> | undefined;

/** Writes the head; true when a header value holds non-ASCII (see `bodyBytes`). */
function head(res: ServerResponse, status: number, contentLength: number, contentType: string | undefined, extra: ExtraHeaders, cors: AllowOrigin): boolean {
  const headers = cors === CORS_ALLOW_ORIGIN ? ['access-control-allow-origin', CORS_ALLOW_ORIGIN, 'access-control-expose-headers', CORS_EXPOSE_HEADERS] : corsFor(cors);
  headers.push('content-length', String(contentLength));
  let type = contentType;
  let nonAscii = false;
  if (extra) {
    for (const name in extra) {
      const lower = name.toLowerCase();
      const value = extra[name]!;
      nonAscii ||= NON_ASCII.test(value);
      // Framing stays ours: an injected header cannot change the body's length. It may relabel
      // the body (a fault faking a proxy's page), so its content-type replaces ours.
      if (lower === 'content-type') type = value;
      else if (lower !== 'content-length') headers.push(name, value);
    }
  }
  if (type !== undefined) headers.push('content-type', type);
  res.writeHead(status, headers);
  return nonAscii;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** One origin allowed by name: echoed, and caches told that the answer depends on it. No origin: no CORS header at all. */
const corsFor = (origin: string | null): string[] =>
  origin === null ? [] : ['access-control-allow-origin', origin, 'access-control-expose-headers', CORS_EXPOSE_HEADERS, 'vary', 'Origin'];

/**
 * Node sends a head together with a string body in the body's encoding (UTF-8), which would change
 * the bytes of a non-ASCII header value (an echoed X-Request-Id); with a Buffer body the head goes
 * out as latin1, byte for byte as received. (Streams are chunked: their head already goes as latin1.)
 */
const bodyBytes = (text: string, nonAsciiHead: boolean): string | Buffer => (nonAsciiHead ? Buffer.from(text, 'utf8') : text);

export function sendJson(res: ServerResponse, status: number, body: unknown, headers?: ExtraHeaders, cors: AllowOrigin = CORS_ALLOW_ORIGIN): void {
  const json = JSON.stringify(body);
  const nonAscii = head(res, status, Buffer.byteLength(json), 'application/json', headers, cors);
  res.end(bodyBytes(json, nonAscii));
}

export function sendEmpty(res: ServerResponse, status: number, headers?: ExtraHeaders, cors: AllowOrigin = CORS_ALLOW_ORIGIN): void {
  head(res, status, 0, undefined, headers, cors);
  res.end();
}

/** Text as is (an injected fault's body): plain text unless the fault's headers say otherwise. */
export function sendText(res: ServerResponse, status: number, text: string, headers?: ExtraHeaders): void {
  const nonAscii = head(res, status, Buffer.byteLength(text), 'text/plain; charset=utf-8', headers, CORS_ALLOW_ORIGIN);
  res.end(bodyBytes(text, nonAscii));
}

/** The server's own error envelope, for paths no mock claims and for the control plane. */
export function sendError(res: ServerResponse, status: number, error: string, message: string, extra?: { field?: string; headers?: ExtraHeaders; cors?: AllowOrigin }): void {
  const body = extra?.field === undefined ? { error, message } : { error, message, field: extra.field };
  sendJson(res, status, body, extra?.headers, extra?.cors === undefined ? CORS_ALLOW_ORIGIN : extra.cors);
}
