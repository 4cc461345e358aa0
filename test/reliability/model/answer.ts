// What the model expects one request to get, and the request as the model reads it.
import type { Operation, Plane } from './routes.js';

/** A request as the mock receives it: header names lower-case, values as the wire leaves them (trimmed). */
export interface ModelRequest {
  method: string;
  /** The host it goes to under MSW (each plane has its own base URL); one origin serves all over HTTP. */
  plane: Plane;
  /** The path the mock routes (HTTP: as sent; MSW: as the URL parser normalised it). */
  path: string;
  headers: Readonly<Record<string, string>>;
  body: string | undefined;
  /** What the journal must show for it when nothing in it is a credential. */
  url: string;
  /** The path or query carries a credential: the journal's url is then checked for leaks only. */
  sensitive: boolean;
}

/** An answer a rule gives: its status, its body (exact, with ANY for free text), extra checks. */
export interface Answer {
  status: number;
  body: unknown;
  /** Checks beyond equality (fields the model cannot know before the reply, e.g. a new secret). */
  check?(body: any): void;
  /** Takes what only the reply can tell (a minted secret) into the model. */
  capture?(body: any): void;
  /** Server-sent events instead of JSON: `body` is then unused. */
  stream?: true;
  /** Which rule decided, for the run's statistics (e.g. a previous secret accepted in its grace window). */
  rule?: string;
}

export type Expected =
  | (Answer & {
      kind: 'answer';
      /** Whose envelope: an API's, or the server's own (unknown paths, the control plane, 413). */
      envelope: Plane | 'server';
      operation?: Operation;
      /** LangWatch answers carry X-Request-Id: the request's own, or a minted one. */
      requestId?: string | 'minted';
      /** The methods an Allow header must list (405). */
      allow?: readonly string[];
      connectionClose?: boolean;
      /** Over HTTP, API answers carry `Access-Control-Allow-Origin: *`; the control plane's none (no Origin is sent). */
      noCors?: true;
    })
  | { kind: 'network-error'; operation: Operation }
  /** MSW: no handler of ours claims it, so it passes to the app's other handlers. */
  | { kind: 'unclaimed' };

export const iso = (ms: number): string => new Date(ms).toISOString();
