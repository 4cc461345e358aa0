// Who may use the control plane (/__mock/). A local dev server is reachable from every web page the
// developer opens, and the control plane hands out every credential and drives the clock, faults
// and resets; so, before anything is read or any session created:
// 1. Host: a loopback name, an IP address, the --host name or one given with --allowed-host. Any
//    other name is a page that pointed its own domain at this machine (DNS rebinding).
// 2. Origin: none (curl, SDKs, test runners), this server's own (the dashboard), or one given with
//    --cors-origin, which alone gets CORS headers. A browser request from elsewhere is refused,
//    with or without an Origin header (Sec-Fetch-Site tells), navigations to a page excepted.
// 3. The control token, when the server has one (off loopback, or given).
// 4. A body is JSON, declared `Content-Type: application/json`: a form or a no-cors `text/plain`
//    POST needs no preflight, so the browser would send it to any origin.
// The health check answers whatever the Host (tools reach it by any name), and the dashboard's
// files need no token (they hold no data).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { isUiPath } from '../ui/ui-route.js';
import { announcesBody } from './body.js';
import type { AllowOrigin } from './cors.js';

export const HEALTH_PATH = '/__mock/health';

export interface ControlAccess {
  /** Origins (scheme://host[:port]) whose pages may read and drive the control plane. */
  corsOrigins?: readonly string[];
  /** Host names the control plane answers besides loopback names and IP addresses: "mock", or ".internal" for it and its subdomains. */
  allowedHosts?: readonly string[];
  /** The host the server listens on, once it does (a name given to --host is answered too). */
  listenHost(): string | undefined;
  /** When it returns a token, every control-plane route but the health check and the dashboard's files needs it. */
  controlToken(): string | undefined;
}

export type Admission =
  | { kind: 'admitted'; cors: AllowOrigin }
  | { kind: 'refused'; status: 401 | 403 | 415; error: string; message: string; cors: AllowOrigin };

export type ControlGuard = (req: IncomingMessage, method: string, path: string) => Admission;

export function createControlGuard(access: ControlAccess): ControlGuard {
  const origins = new Set((access.corsOrigins ?? []).map((origin) => normalizeOrigin(origin) ?? origin));
  const hosts = (access.allowedHosts ?? []).map((host) => host.toLowerCase());
  const hostAllowed = (name: string) =>
    isIP(name) !== 0 ||
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === access.listenHost()?.toLowerCase() ||
    hosts.some((host) => (host.startsWith('.') ? name === host.slice(1) || name.endsWith(host) : name === host));

  return function admit(req, method, path) {
    const { headers } = req;
    if (path !== HEALTH_PATH && headers.host !== undefined && !hostAllowed(hostName(headers.host))) {
      return refused(403, 'forbidden', 'this Host is not one the control plane answers: a loopback name, an IP address, the --host name or one given with --allowed-host (any other name may be a web page pointing its own domain at this machine)', null);
    }
    let cors: AllowOrigin = null;
    const origin = headers.origin;
    if (origin !== undefined) {
      const normalized = normalizeOrigin(origin);
      const own = normalized !== undefined && headers.host !== undefined && new URL(normalized).host === authorityOf(headers.host);
      if (!own) {
        if (normalized === undefined || !origins.has(normalized)) return refused(403, 'forbidden', FOREIGN_PAGE, null);
        cors = origin;
      }
    } else if (crossSite(headers, method)) return refused(403, 'forbidden', FOREIGN_PAGE, null);

    if (method === 'OPTIONS') return { kind: 'admitted', cors };
    const token = access.controlToken();
    if (token !== undefined && path !== HEALTH_PATH && !isUiPath(path) && !hasControlToken(headers, token)) {
      return refused(401, 'unauthorized', 'the control plane needs the control token (see the banner): send "Authorization: Bearer <token>" or "X-Revokit-Control-Token: <token>"', cors);
    }
    if (announcesBody(req) && !isJson(headers['content-type'])) {
      return refused(415, 'unsupported_media_type', 'a control-plane body is JSON: send it with "Content-Type: application/json"', cors);
    }
    return { kind: 'admitted', cors };
  };
}

const FOREIGN_PAGE = 'a page of another origin may not use the control plane; to let one in, start the server with --cors-origin <its origin>';

const refused = (status: 401 | 403 | 415, error: string, message: string, cors: AllowOrigin): Admission => ({ kind: 'refused', status, error, message, cors });

/**
 * A browser request from another site that carries no Origin (a no-cors GET, an image): refused,
 * unless it is the browser navigating to a page (a link to the dashboard), which no other page can read.
 */
function crossSite(headers: IncomingMessage['headers'], method: string): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== 'cross-site' && site !== 'same-site') return false;
  return !(headers['sec-fetch-mode'] === 'navigate' && (method === 'GET' || method === 'HEAD'));
}

/** "http://App.test:80/" → "http://app.test"; undefined for anything that is not an http(s) origin ("null", a path, credentials). */
export function normalizeOrigin(text: string): string | undefined {
  try {
    const url = new URL(text);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) return undefined;
    if (url.pathname !== '/' || /\/./.test(text.replace(/^[a-z]+:\/\//i, ''))) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** The Host header as a URL would hold it (lower case, no default port), for comparing with an origin. */
function authorityOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).host;
  } catch {
    return undefined;
  }
}

/** "Mock.Example:4010" → "mock.example", "[::1]:4010" → "::1", "name." → "name". */
function hostName(host: string): string {
  let name = host.trim().toLowerCase();
  if (name.startsWith('[')) return name.slice(1, name.indexOf(']') === -1 ? undefined : name.indexOf(']'));
  const colon = name.lastIndexOf(':');
  if (colon !== -1 && /^\d*$/.test(name.slice(colon + 1))) name = name.slice(0, colon);
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** application/json, or any application/…+json, parameters allowed. */
function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type);
}

function hasControlToken(headers: IncomingMessage['headers'], token: string): boolean {
  const bearer = /^bearer\s+(\S+)$/i.exec(headers.authorization?.trim() ?? '')?.[1];
  const header = headers['x-revokit-control-token'];
  return sameSecret(bearer, token) || sameSecret(typeof header === 'string' ? header : undefined, token);
}

/** Compares in constant time (digests have one length whatever was sent). */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
