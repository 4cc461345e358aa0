// The plain shapes an adapter hands to a core and gets back. No Fetch, no MSW, no sockets.

export interface MockRequest {
  method: string;
  /** The URL as the client sent it, for the journal (credentials are redacted there). */
  url: string;
  /** The path relative to the API's base URL, still percent-encoded, without the query. */
  path: string;
  /** The query string without its "?", still percent-encoded; absent or "" when there is none. */
  query?: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Raw body text, if any. Operations that take JSON parse it themselves. */
  body?: string;
}

/** One server-sent event: an optional `event:` name and its `data:` text. */
export interface ServerSentEvent {
  event?: string;
  data: string;
}

export interface MockResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialisable; undefined means no body. Ignored when `events` is set. */
  body?: unknown;
  /** Text sent as is instead of `body` (an injected fault's, e.g. a proxy's HTML page). */
  rawBody?: string;
  /** A stream of server-sent events: the adapters send `text/event-stream`, one frame per event, in order. */
  events?: ReadonlyArray<ServerSentEvent>;
}

export type Outcome =
  /** Not a route of this mock: MSW passes it on, the server tries the next mock. */
  | { kind: 'unmatched' }
  /** A known path with another method. */
  | { kind: 'method-not-allowed'; allow: readonly string[] }
  /**
   * `operationId` is absent for answers no operation gave (e.g. an unknown route under a data plane's prefix).
   * `response` is a new object for every request (never one a behaviour or rule keeps), so it may be added to.
   */
  | { kind: 'respond'; operationId?: string; response: MockResponse; delayMs: number }
  /** Drop the connection (an injected fault) after `delayMs`. */
  | { kind: 'network-error'; operationId: string; delayMs: number };
