// CORS. The API routes are as open as the real services are to browser apps: any origin, so that a
// browser app in development can call the mock directly. The control plane (/__mock/) hands out
// every credential and drives the clock, faults and resets, so it answers cross-origin only to the
// origins named with --cors-origin (control-guard.ts decides; this module writes the headers).
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORS_ALLOWED_METHODS = 'GET, POST, DELETE, OPTIONS';
export const CORS_ALLOWED_HEADERS = ['X-Auth-Token', 'Authorization', 'x-api-key', 'x-goog-api-key', 'xi-api-key', 'X-Request-Id', 'Content-Type'];
/** What a page of an allowed origin may send to the control plane. */
const CONTROL_ALLOWED_HEADERS = ['Content-Type', 'Authorization', 'X-Revokit-Control-Token', 'X-Revokit-Session'];

export const CORS_ALLOW_ORIGIN = '*';
/** Lets browser code read what the SDK's retry policy and error objects look at. */
export const CORS_EXPOSE_HEADERS = 'Retry-After, X-Request-Id, Allow';

/** `Access-Control-Allow-Origin` of an answer: "*" (API routes), one allowed origin (control plane), or none at all. */
export type AllowOrigin = string | null;

/** Answers an OPTIONS request on an API route (a preflight or a plain one) with what the server accepts. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  // Headers the browser asks about beyond the known ones (an SDK may add its own) are
  // allowed too: refusing them would only make the preflight fail for no benefit.
  writePreflight(req, res, CORS_ALLOW_ORIGIN, CORS_ALLOWED_HEADERS);
}

/**
 * Answers an OPTIONS request on the control plane that the guard let through: the CORS headers only
 * for an origin allowed by name (`allowOrigin`); a same-origin or plain OPTIONS gets `Allow` alone.
 */
export function answerControlPreflight(req: IncomingMessage, res: ServerResponse, allowOrigin: AllowOrigin): void {
  if (allowOrigin === null) {
    res.writeHead(204, { allow: CORS_ALLOWED_METHODS, 'content-length': 0 });
    res.end();
    return;
  }
  writePreflight(req, res, allowOrigin, CONTROL_ALLOWED_HEADERS);
}

function writePreflight(req: IncomingMessage, res: ServerResponse, origin: string, known: readonly string[]): void {
  const requested = req.headers['access-control-request-headers'];
  const headers: Record<string, string | number> = {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': CORS_EXPOSE_HEADERS,
    'access-control-allow-methods': CORS_ALLOWED_METHODS,
    'access-control-allow-headers': requested ? mergeHeaderNames(known, requested) : known.join(', '),
    'access-control-max-age': '600',
    allow: CORS_ALLOWED_METHODS,
    'content-length': 0,
  };
  if (origin !== CORS_ALLOW_ORIGIN) headers.vary = 'Origin';
  res.writeHead(204, headers);
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
