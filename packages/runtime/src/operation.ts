// One client method's plumbing: what is checked before any request (credential, id, body),
// the request init built once, and the call through request().
import type { CallOptions } from './options.js';
import { checkIdParam } from './path.js';
import { request, type OperationCall, type RequestContext } from './request.js';

export interface OperationDefinition<T> extends Omit<OperationCall<T>, 'init' | 'path'> {
  /** The method as the caller writes it ("virtualKeys.create"), for messages. */
  name: string;
  method: string;
  /** The route as the generated table has it; `{id}` is filled with the checked, encoded id. */
  path: string;
  /** The credential header, if any. */
  headers: Record<string, string>;
  /** The operation takes a JSON body. */
  json?: boolean;
  /** Ids starting like this are secrets passed by mistake (checkIdParam). */
  secretPrefixes: readonly string[];
  /** Runs first on every call: throws TypeError when the operation's credential is missing. */
  check?: () => void;
}

/** Calls one operation: `id` for routes with `{id}`, `body` for operations that take one. */
export type Operation<T> = (id: string | undefined, body: unknown, options: CallOptions | undefined) => Promise<T>;

export function defineOperation<T>(context: RequestContext, { name, method, path, headers, json, secretPrefixes, check, ...call }: OperationDefinition<T>): Operation<T> {
  // redirect "error": fetch would carry the credential header to another origin.
  const init: RequestInit = { method, headers: json ? { ...headers, 'Content-Type': 'application/json' } : headers, redirect: 'error' };
  const hasId = path.includes('{id}');
  return async (id, body, options) => {
    check?.();
    return request<T>(
      context,
      {
        ...call,
        name,
        path: hasId ? path.replace('{id}', checkIdParam(id, 'id', secretPrefixes)) : path,
        // A string body: each retry attempt sends it again as it is.
        init: json ? { ...init, body: jsonBody(body, name) } : init,
      },
      options,
    );
  };
}

/** The request body as JSON. Only an object is a body the specs describe; anything else is a mistake caught before sending. */
export function jsonBody(value: unknown, name: string): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`${name} takes an object as its request body`);
  return JSON.stringify(value);
}
