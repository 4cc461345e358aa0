// Matches a request path against path templates ("/api/v1/keys/{id}/revoke").
// A parameter takes exactly one segment, empty included, so "/keys//revoke" reaches the
// behaviour (and gets the API's 404) instead of falling through. Segments are compared
// still encoded; parameters are decoded afterwards, so "a%2Fb" is the one id "a/b".

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
      const parts = pathname.split('/').slice(1);
      for (const template of compiled) {
        const params = matchSegments(template.segments, parts);
        if (!params) continue;
        const name = template.byMethod.get(method.toUpperCase());
        if (name === undefined) return { kind: 'method-not-allowed', allow: [...template.byMethod.keys()] };
        return { kind: 'match', name: name as Name, params };
      }
      return { kind: 'none' };
    },
  };
}

function matchSegments(segments: CompiledTemplate['segments'], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i]!;
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined;
    } else {
      params[segment.param] = safeDecode(part);
    }
  }
  return params;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a malformed escape cannot name any real entity; the behaviour answers 404
  }
}
