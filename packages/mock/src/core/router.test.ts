import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRouter, type RouteDefinition, type RouteMatch } from './router.js';

const router = createRouter([
  { name: 'revoke', method: 'POST', path: '/api/v1/keys/{id}/revoke' },
  { name: 'remove', method: 'DELETE', path: '/api/api-keys/{id}' },
]);

describe('router', () => {
  it('matches a template and decodes the parameter', () => {
    expect(router.match('POST', '/api/v1/keys/a%2Fb%3Fc%23d/revoke')).toEqual({ kind: 'match', name: 'revoke', params: { id: 'a/b?c#d' } });
    expect(router.match('post', '/api/v1/keys/%C3%A9/revoke')).toEqual({ kind: 'match', name: 'revoke', params: { id: 'é' } });
  });

  it('lets an empty segment reach the behaviour', () => {
    expect(router.match('POST', '/api/v1/keys//revoke')).toEqual({ kind: 'match', name: 'revoke', params: { id: '' } });
  });

  it('keeps a malformed escape as it is instead of throwing', () => {
    expect(router.match('POST', '/api/v1/keys/%E0%A4%A/revoke')).toEqual({ kind: 'match', name: 'revoke', params: { id: '%E0%A4%A' } });
  });

  it('does not match extra or missing segments', () => {
    expect(router.match('POST', '/api/v1/keys/a/b/revoke').kind).toBe('none');
    expect(router.match('POST', '/api/v1/keys/revoke').kind).toBe('none');
    expect(router.match('POST', '/api/v1/keys/a/revoke/').kind).toBe('none');
  });

  it('reports the allowed methods of a known path', () => {
    expect(router.match('GET', '/api/api-keys/x')).toEqual({ kind: 'method-not-allowed', allow: ['DELETE'] });
  });
});

// The router walks paths in place for speed; this is the plain definition it must agree with:
// split on "/", drop what precedes the first one, compare segment by segment.
function referenceMatch(routes: readonly RouteDefinition[], method: string, pathname: string): RouteMatch<string> {
  const parts = pathname.split('/').slice(1);
  const byPath = new Map<string, Map<string, string>>();
  for (const route of routes) {
    const methods = byPath.get(route.path) ?? new Map<string, string>();
    methods.set(route.method.toUpperCase(), route.name);
    byPath.set(route.path, methods);
  }
  for (const [path, methods] of byPath) {
    const segments = path.split('/').slice(1);
    if (segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const fits = segments.every((segment, i) => {
      const param = /^\{(.+)\}$/.exec(segment);
      if (!param) return segment === parts[i];
      try {
        params[param[1]!] = decodeURIComponent(parts[i]!);
      } catch {
        params[param[1]!] = parts[i]!;
      }
      return true;
    });
    if (!fits) continue;
    const name = methods.get(method.toUpperCase());
    return name === undefined ? { kind: 'method-not-allowed', allow: [...methods.keys()] } : { kind: 'match', name, params };
  }
  return { kind: 'none' };
}

describe('router, against the split-and-compare definition', () => {
  const routes: RouteDefinition[] = [
    { name: 'revoke', method: 'POST', path: '/api/v1/keys/{id}/revoke' },
    { name: 'vkRevoke', method: 'POST', path: '/api/gateway/v1/virtual-keys/{id}/revoke' },
    { name: 'vkRotate', method: 'POST', path: '/api/gateway/v1/virtual-keys/{id}/rotate' },
    { name: 'remove', method: 'DELETE', path: '/api/api-keys/{id}' },
    { name: 'models', method: 'GET', path: '/v1/models' },
    { name: 'pair', method: 'GET', path: '/v1/{a}/and/{b}' },
    { name: 'root', method: 'GET', path: '/' },
  ];
  const compiled = createRouter(routes);
  // Paths built from the templates' own words, so that near-misses are frequent.
  const word = fc.constantFrom('', 'api', 'v1', 'keys', 'revoke', 'rotate', 'gateway', 'virtual-keys', 'api-keys', 'models', 'and', 'x', '%', '%2F', '%E0%A4%A', '%C3%A9', 'é', 'a b', '.', '..', '?', 'revok', 'v');
  const parameter = fc.constantFrom('x', '', '%2F', '%C3%A9', '%E0%A4%A', 'a%20b');
  // A template with some segments swapped for words (parameters filled), and an optional tail.
  const nearTemplate = fc
    .constantFrom(...routes.map((route) => route.path.split('/')))
    .chain((segments) => fc.tuple(...segments.map((segment) => fc.oneof({ weight: 3, arbitrary: segment.startsWith('{') ? parameter : fc.constant(segment) }, { weight: 2, arbitrary: word }))))
    .chain((segments) => fc.constantFrom('', '/', '/x', 'x').map((tail) => segments.join('/') + tail));
  const pathname = fc.oneof(
    nearTemplate,
    fc.array(word, { maxLength: 8 }).map((words) => words.join('/')),
    fc.array(word, { maxLength: 8 }).map((words) => `/${words.join('/')}`),
    fc.string({ maxLength: 40 }),
  );
  const method = fc.constantFrom('POST', 'post', 'GET', 'get', 'DELETE', 'PUT', 'Post', '');

  it('gives the same answer for any path and method', () => {
    fc.assert(
      fc.property(method, pathname, (m, path) => {
        expect(compiled.match(m, path)).toEqual(referenceMatch(routes, m, path));
      }),
      { numRuns: 20_000 },
    );
  });
});
