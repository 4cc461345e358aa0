// CORS, so that a browser app in development can call the mock directly. Any origin is
// allowed: the server holds only throwaway test credentials and listens on loopback by default.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORS_ALLOWED_METHODS = 'GET, POST, DELETE, OPTIONS';
export const CORS_ALLOWED_HEADERS = ['X-Auth-Token', 'Authorization', 'x-api-key', 'x-goog-api-key', 'xi-api-key', 'X-Request-Id', 'Content-Type'];

export const CORS_ALLOW_ORIGIN = '*';
/** Lets browser code read what the SDK's retry policy and error objects look at. */
export const CORS_EXPOSE_HEADERS = 'Retry-After, X-Request-Id, Allow';

/** Answers an OPTIONS request (a preflight or a plain one) with what the server accepts. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  // Headers the browser asks about beyond the known ones (an SDK may add its own) are
  // allowed too: refusing them would only make the preflight fail for no benefit.
  const requested = req.headers['access-control-request-headers'];
  const allowHeaders = requested ? mergeHeaderNames(CORS_ALLOWED_HEADERS, requested) : CORS_ALLOWED_HEADERS.join(', ');
  res.writeHead(204, {
    'access-control-allow-origin': CORS_ALLOW_ORIGIN,
    'access-control-expose-headers': CORS_EXPOSE_HEADERS,
    'access-control-allow-methods': CORS_ALLOWED_METHODS,
    'access-control-allow-headers': allowHeaders,
    'access-control-max-age': '600',
    allow: CORS_ALLOWED_METHODS,
    'content-length': 0,
  });
  res.end();
}

function mergeHeaderNames(known: readonly string[], requested: string): string {
  const names = new Map(known.map((name) => [name.toLowerCase(), name]));
  for (const raw of requested.split(',')) {
    const name = raw.trim();
    // Only RFC 9110 token characters: anything else cannot be a header name.
    if (/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/.test(name) && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return [...names.values()].slice(0, 32).join(', ');
}
