// Every request the page makes. Control-plane calls (/__mock/…) carry the control token when the
// server requires one; every call, API routes included, carries the chosen session, so the page
// acts on that world exactly as a test worker would. API routes are called with the same
// credentials a client would send, so the journal records them like any other request.

const TOKEN_KEY = 'revokit-mock.control-token';
const SESSION_KEY = 'revokit-mock.session';
export const SESSION_HEADER = 'X-Revokit-Session';

export interface Reply {
  status: number;
  /** Parsed JSON, or null when the answer had none. */
  body: unknown;
}

export class NetworkError extends Error {}

export interface Connection {
  /** Sent as `Authorization: Bearer` on control-plane calls. */
  token: string | null;
  /** Sent as X-Revokit-Session on every call. */
  session: string | null;
}

/**
 * Reads `?token=` and `?session=` (or a /__session/<id>/ prefix) once, keeps them in
 * sessionStorage (this tab only) and takes the token out of the address bar and the history.
 */
export function adoptUrlConnection(location: Location, history: History, storage: Storage): void {
  const query = new URLSearchParams(location.search);
  const token = query.get('token');
  if (token) storage.setItem(TOKEN_KEY, token);
  const fromPrefix = /^\/__session\/([^/]+)\//.exec(location.pathname)?.[1];
  const session = query.get('session') ?? (fromPrefix === undefined ? null : safeDecode(fromPrefix));
  if (session) storage.setItem(SESSION_KEY, session);
  if (token !== null) {
    query.delete('token');
    const search = query.toString();
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function createApi(storage: Storage) {
  const connection: Connection = { token: storage.getItem(TOKEN_KEY), session: storage.getItem(SESSION_KEY) };

  async function send(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Reply> {
    const init: RequestInit = { method, headers: { ...headers }, cache: 'no-store', credentials: 'omit' };
    if (body !== undefined) {
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetch(path, init);
    } catch (error) {
      throw new NetworkError(`the mock server did not answer (${(error as Error).message})`);
    }
    const text = await response.text();
    let parsed: unknown = null;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, body: parsed };
  }

  const sessionHeaders = (withSession: boolean): Record<string, string> =>
    withSession && connection.session ? { [SESSION_HEADER]: connection.session } : {};

  return {
    connection,
    setToken(token: string | null) {
      connection.token = token;
      if (token) storage.setItem(TOKEN_KEY, token);
      else storage.removeItem(TOKEN_KEY);
    },
    setSession(session: string | null) {
      connection.session = session;
      if (session) storage.setItem(SESSION_KEY, session);
      else storage.removeItem(SESSION_KEY);
    },
    /** A control-plane call; `withSession: false` reads the server-wide view (the session list). */
    control(method: string, path: string, body?: unknown, { withSession = true } = {}): Promise<Reply> {
      const headers = sessionHeaders(withSession);
      if (connection.token) headers.authorization = `Bearer ${connection.token}`;
      return send(method, path, headers, body);
    },
    /** An API or data-plane call, with the credentials (and JSON body) a client would send. */
    service(method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Reply> {
      return send(method, path, { ...sessionHeaders(true), ...headers }, body);
    },
  };
}

export type Api = ReturnType<typeof createApi>;

/** The error text of an answer in any of the envelopes the mock speaks. */
export function describeReply(reply: Reply): string {
  const body = reply.body as { error?: unknown; message?: unknown } | null;
  const nested = body && typeof body.error === 'object' && body.error !== null ? (body.error as { code?: unknown; message?: unknown }) : undefined;
  const code = nested?.code ?? (typeof body?.error === 'string' ? body.error : undefined);
  const message = nested?.message ?? body?.message;
  // The gateway's message is its code when it names none: say it once.
  const parts = [reply.status, code, message === code ? undefined : message];
  return parts.filter((part) => part !== undefined && part !== null && part !== '').join(' ');
}
