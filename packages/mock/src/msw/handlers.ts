// MSW adapter: one handler per operation, each a thin translation between a Fetch Request
// and the core's plain request/outcome. Requests the core does not claim pass through to
// the consumer's other handlers.
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { PlanePrefix } from '../core/plane-prefix.js';
import type { MockRoute } from '../core/stateful-mock.js';
import type { MockRequest, Outcome } from '../core/transport.js';
import { toFetchResponse } from './response.js';

interface Handles {
  readonly routes: readonly MockRoute[];
  readonly planePrefixes?: readonly PlanePrefix[];
  handle(request: MockRequest): Outcome;
}

type Resolver = Parameters<typeof http.all>[1];

/**
 * One MSW handler per route of `mock`, each under the base URL of its route's plane, then one
 * per plane prefix the mock answers whole (its unknown routes and other methods included).
 */
export function createMswHandlers(mock: Handles, baseUrls: Readonly<Record<string, string>>): HttpHandler[] {
  const routeHandlers = mock.routes.map((route) => {
    const { base, resolver } = planeOf(mock, baseUrls, route.plane);
    // A RegExp without capture groups rather than ":id": MSW would decode the parameter and
    // throw on a malformed escape, and would skip an empty segment. The core decodes and
    // answers those with the API's own 404.
    const pattern = new RegExp(`^${escapeRegExp(base)}${route.path.split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]*')}$`);
    const method = route.method.toLowerCase() as 'get' | 'post' | 'delete' | 'put' | 'patch';
    return http[method](pattern, resolver);
  });
  const prefixHandlers = (mock.planePrefixes ?? []).map(({ plane, prefix }) => {
    const { base, resolver } = planeOf(mock, baseUrls, plane);
    return http.all(new RegExp(`^${escapeRegExp(base + prefix)}[^?#]*$`), resolver);
  });
  return [...routeHandlers, ...prefixHandlers];
}

function planeOf(mock: Handles, baseUrls: Readonly<Record<string, string>>, plane: string): { base: string; resolver: Resolver } {
  const baseUrl = baseUrls[plane];
  if (baseUrl === undefined) throw new TypeError(`no base URL for the "${plane}" routes`);
  const base = trimSlash(baseUrl);
  const basePath = new URL(base).pathname.replace(/\/$/, '');
  const resolver: Resolver = async ({ request }) => {
    const url = new URL(request.url);
    const outcome = mock.handle({
      method: request.method,
      url: request.url,
      path: url.pathname.slice(basePath.length),
      query: url.search.slice(1),
      headers: Object.fromEntries(request.headers),
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text(),
    });
    return toMswResponse(outcome);
  };
  return { base, resolver };
}

async function toMswResponse(outcome: Outcome): Promise<Response | undefined> {
  if (outcome.kind === 'unmatched' || outcome.kind === 'method-not-allowed') return undefined;
  if (outcome.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
  if (outcome.kind === 'network-error') return HttpResponse.error();
  return toFetchResponse(outcome.response);
}

function trimSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
