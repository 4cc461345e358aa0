// Matches a request path against path templates ("/api/v1/keys/{id}/revoke").
// A parameter takes exactly one segment, empty included, so "/keys//revoke" reaches the
// behaviour (and gets the API's 404) instead of falling through. Segments are compared
// still encoded; parameters are decoded afterwards, so "a%2Fb" is the one id "a/b".
// On every request's path: segments are walked in place (no split arrays) and a mismatch
// stops at the first literal that differs.

export interface RouteDefinition<Name extends string = string> {
  name: Name;
  method: string;
  path: string;
}

export type RouteMatch<Name extends string> =
  | { kind: 'match'; name: Name; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: readonly string[] }
  | { kind: 'none' };

interface CompiledTemplate {
  segments: ReadonlyArray<{ literal: string } | { param: string }>;
  byMethod: Map<string, string>;
}

export interface Router<Name extends string> {
  match(method: string, pathname: string): RouteMatch<Name>;
}

export function createRouter<Name extends string>(routes: ReadonlyArray<RouteDefinition<Name>>): Router<Name> {
  const templates = new Map<string, CompiledTemplate>();
  for (const route of routes) {
    let template = templates.get(route.path);
    if (!template) {
      const segments = route.path.split('/').slice(1).map((segment) => {
        const param = /^\{(.+)\}$/.exec(segment);
        return param ? { param: param[1]! } : { literal: segment };
      });
      template = { segments, byMethod: new Map() };
      templates.set(route.path, template);
    }
    template.byMethod.set(route.method.toUpperCase(), route.name);
  }
  const compiled = [...templates.values()];

  return {
    match(method, pathname) {
      for (const template of compiled) {
        const params = matchSegments(template.segments, pathname);
        if (!params) continue;
        // Methods come upper-cased from node:http and Fetch: try them as they are first.
        const name = template.byMethod.get(method) ?? template.byMethod.get(method.toUpperCase());
        if (name === undefined) return { kind: 'method-not-allowed', allow: [...template.byMethod.keys()] };
        return { kind: 'match', name: name as Name, params };
      }
      return { kind: 'none' };
    },
  };
}

/** The parameters when `pathname` fits the template, as `pathname.split('/').slice(1)` would line up. */
function matchSegments(segments: CompiledTemplate['segments'], pathname: string): Record<string, string> | undefined {
  const first = pathname.indexOf('/');
  // No "/" at all: no segments, which only an empty template would match.
  if (first === -1) return segments.length === 0 ? {} : undefined;
  if (segments.length === 0) return undefined;
  let params: Record<string, string> | undefined; // created at the first parameter: most templates fail before
  let start = first + 1;
  for (let i = 0; i < segments.length; i++) {
    const slash = pathname.indexOf('/', start);
    const end = slash === -1 ? pathname.length : slash;
    // The path's last segment must be the template's last one.
    if ((slash === -1) !== (i === segments.length - 1)) return undefined;
    const segment = segments[i]!;
    if ('literal' in segment) {
      if (end - start !== segment.literal.length || !pathname.startsWith(segment.literal, start)) return undefined;
    } else {
      (params ??= {})[segment.param] = safeDecode(pathname.slice(start, end));
    }
    start = end + 1;
  }
  return params ?? {};
}

function safeDecode(part: string): string {
  if (!part.includes('%')) return part; // nothing to decode, and decodeURIComponent is slow
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a malformed escape cannot name any real entity; the behaviour answers 404
  }
}
