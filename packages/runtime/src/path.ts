// Path parameters: one id is always exactly one path segment.

/**
 * Percent-encodes a path parameter. Throws TypeError before any request for values
 * no URL can carry as one segment: "" (the route changes), "." and ".." (URL parsing
 * turns them, even as %2E, into a path step), non-strings and malformed strings.
 */
export function encodePathParam(value: unknown, name: string): string {
  try {
    if (typeof value === 'string' && value !== '' && value !== '.' && value !== '..') return encodeURIComponent(value);
  } catch {} // URIError: a lone surrogate
  throw new TypeError(`${name} must be a non-empty, well-formed string other than "." and ".."`);
}

/** openapi-fetch `pathSerializer`: fills every `{name}` of the URL through encodePathParam. */
export function serializePath(url: string, params: Record<string, unknown>): string {
  return url.replace(/\{([^{}]+)\}/g, (_, name: string) => encodePathParam(params[name], name));
}

/**
 * Validates an id given to a client method and returns it encoded. Besides encodePathParam's
 * rules, refuses an id shaped like a secret key (one of `keyPrefixes`): in a URL it would land
 * in proxy and server access logs.
 */
export function checkIdParam(value: unknown, name: string, keyPrefixes: readonly string[]): string {
  const encoded = encodePathParam(value, name);
  if (keyPrefixes.some((prefix) => (value as string).startsWith(prefix))) {
    throw new TypeError(`${name} looks like a secret key; pass the key's id`);
  }
  return encoded;
}

/** An operation's route, as the generated table describes it; `satisfies RouteOf<typeof operations>` ties a literal to it. */
export type RouteOf<Operations> = {
  [Id in keyof Operations]: Operations[Id] extends { method: infer Method; path: infer Path } ? { operation: Id; method: Method; path: Path } : never;
}[keyof Operations];
