// The node:http request listener. Hot path: split the query off the raw target, hand a plain
// request to the cores, write their outcome. No URL objects, no Fetch types, no closures per
// request, and bodies are read only when the request announces one. A control-plane request is
// first admitted by control-guard.ts, before its body is read or its session created.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Outcome } from '../../core/transport.js';
import type { AnyFamily } from '../../families/family.js';
import { CONTROL_PREFIX, type ControlPlane, type ControlResult } from '../control/control-plane.js';
import { INDEX_PATHS, serveIndex, type IndexFacts } from '../ui/index-page.js';
import { isUiPath, serveUi } from '../ui/ui-route.js';
import type { World } from '../world/world.js';
import { announcesBody, declaresTooLarge, readBody } from './body.js';
import { answerControlPreflight, answerPreflight, CORS_ALLOW_ORIGIN, type AllowOrigin } from './cors.js';
import type { Admission, ControlGuard } from './control-guard.js';
import { refuseOversizedBody } from './oversized-body.js';
import { SESSION_HEADER, selectSession, type SessionSelection } from './session-select.js';
import type { WorldChooser, WorldChoice } from './world-choice.js';
import type { RequestLog } from './request-log.js';
import { sendEmpty, sendError, sendJson, sendText } from './respond.js';
import { sendEvents } from './send-events.js';

export interface HandlerDeps {
  /** The world a request acts on (default or session), or why it is refused. */
  choose: WorldChooser;
  /** Routes requests to the API families when refusing one (any world: they share routes). */
  defaultWorld: World<readonly AnyFamily[]>;
  control: ControlPlane;
  /** Who may use the control plane (Host, Origin, control token, JSON bodies): checked before any body is read or session created. */
  admit: ControlGuard;
  /** Credentials of every world out of `text` (for messages quoting the request). */
  redact(text: string): string;
  log: RequestLog;
  /** True once shutdown began: answers then close their connection. */
  closing(): boolean;
  /** What GET / and GET /__mock/ describe. */
  index(): IndexFacts;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** What one request needs carried from reading to answering. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  target: string;
  path: string;
  /** The query string without "?", "" when none. */
  query: string;
  /** performance.now() at arrival, when logging. */
  started: number;
  /** The session the request names (not created yet) and the path within it. */
  selection: SessionSelection;
  /** Whether it is for the control plane (/__mock/, within a session or not). */
  control: boolean;
  /** Access-Control-Allow-Origin of its answers: "*" on API routes; on the control plane an allowed origin, or none. */
  cors: AllowOrigin;
  /** Why the control plane refuses it, if it does. */
  refusal: (Admission & { kind: 'refused' }) | undefined;
}

export function createRequestHandler(deps: HandlerDeps): RequestHandler {
  const { choose, defaultWorld, control, admit, log, redact } = deps;

  const logDone = (x: Exchange, status: number, operationId?: string) => {
    if (log.enabled) log.write({ method: x.method, path: x.path, status, operationId, durationMs: performance.now() - x.started });
  };

  /** Answers written once shutdown began close their connection, so that close() can finish. */
  const closeIfStopping = (res: ServerResponse) => {
    if (deps.closing() && !res.headersSent) res.setHeader('connection', 'close');
  };

  const answer = (x: Exchange, outcome: Outcome & { kind: 'respond' | 'network-error' }) => {
    closeIfStopping(x.res); // shutdown may have begun during an injected delay
    if (outcome.kind === 'network-error') {
      x.req.socket.destroy();
      return logDone(x, 0, outcome.operationId);
    }
    const { status, headers, body, rawBody, events } = outcome.response;
    if (events) sendEvents(x.res, status, events, headers);
    else if (rawBody !== undefined) sendText(x.res, status, rawBody, headers);
    else if (body === undefined) sendEmpty(x.res, status, headers);
    else sendJson(x.res, status, body, headers);
    logDone(x, status, outcome.operationId);
  };

  const dispatch = (x: Exchange, body: string | undefined): void => {
    closeIfStopping(x.res); // shutdown may have begun while the body was arriving
    if (x.refusal) {
      sendError(x.res, x.refusal.status, x.refusal.error, x.refusal.message, { cors: x.cors });
      return logDone(x, x.refusal.status);
    }
    try {
      const headers = x.req.headers as Record<string, string | undefined>;
      // The index names routes and links only: no world, no token, no session needed.
      if (INDEX_PATHS.has(x.path)) return logDone(x, serveIndex(x.res, x.method, headers.accept, deps.index()));
      const choice = choose(x.selection);
      if (choice.kind === 'refused') return refuse(x, choice, headers);
      const { world, path } = choice;
      if (x.control) {
        // The dashboard's static files: no data, no secret, so no token (its API calls need one).
        if (isUiPath(path)) return logDone(x, serveUi(x.res, x.method, path, headers['if-none-match'], redact, x.cors));
        return answerControl(x, control.handle(world, x.method, path, body));
      }
      const outcome = world.handle({ method: x.method, url: choice.target, path, query: x.query, headers, body });
      if (outcome.kind === 'unmatched' || outcome.kind === 'method-not-allowed') return unanswered(x, outcome);
      if (outcome.delayMs > 0) setTimeout(answer, outcome.delayMs, x, outcome);
      else answer(x, outcome);
    } catch {
      // Nothing a request carries may take the server down; the cores catch their own bugs,
      // this catches ours.
      if (!x.res.headersSent) sendError(x.res, 500, 'internal_error', 'The mock server failed to handle this request', { cors: x.cors });
      else x.res.destroy();
      logDone(x, 500);
    }
  };

  /** A refused session choice: in the API's own envelope on its routes, the server's elsewhere. */
  const refuse = (x: Exchange, choice: WorldChoice & { kind: 'refused' }, headers: Record<string, string | undefined>) => {
    // The message quotes the session id sent, which may be a credential.
    const message = redact(choice.message);
    const outcome = choice.path.startsWith(CONTROL_PREFIX)
      ? undefined
      : defaultWorld.reject({ method: x.method, url: x.target, path: choice.path, query: x.query, headers }, choice.status, message);
    if (outcome?.kind === 'respond') return answer(x, outcome);
    sendError(x.res, choice.status, choice.error, message, { cors: x.cors });
    logDone(x, choice.status);
  };

  const answerControl = (x: Exchange, result: ControlResult) => {
    if (result.kind !== 'respond') return unanswered(x, result);
    if (result.body === undefined) sendEmpty(x.res, result.status, undefined, x.cors);
    else sendJson(x.res, result.status, result.body, undefined, x.cors);
    logDone(x, result.status);
  };

  const unanswered = (x: Exchange, outcome: { kind: 'unmatched' } | { kind: 'method-not-allowed'; allow: readonly string[] }) => {
    const redacted = redact(x.path);
    const shown = redacted.length > 200 ? `${redacted.slice(0, 200)}…` : redacted;
    if (outcome.kind === 'unmatched') {
      sendError(x.res, 404, 'not_found', `No mock serves ${x.method} ${shown}`, { cors: x.cors });
      return logDone(x, 404);
    }
    const allow = [...outcome.allow, 'OPTIONS'].join(', ');
    sendError(x.res, 405, 'method_not_allowed', `${x.method} is not allowed on ${shown}; allowed: ${allow}`, { headers: { allow }, cors: x.cors });
    logDone(x, 405);
  };

  const afterBody = (x: Exchange, result: Awaited<ReturnType<typeof readBody>>) => {
    if (result.kind === 'aborted') return; // the client is gone; nothing to answer
    if (result.kind === 'too-large') return tooLarge(x);
    dispatch(x, result.text);
  };

  const tooLarge = (x: Exchange) => {
    refuseOversizedBody(x.req, x.res);
    logDone(x, 413);
  };

  return function handleRequest(req, res) {
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    const path = pathOf(queryAt === -1 ? target : target.slice(0, queryAt));
    const header = req.headers[SESSION_HEADER];
    const selection = selectSession(typeof header === 'string' ? header : undefined, path, target);
    const x: Exchange = {
      req,
      res,
      method: req.method ?? 'GET',
      target,
      path,
      query: queryAt === -1 ? '' : target.slice(queryAt + 1),
      started: log.enabled ? performance.now() : 0,
      selection,
      // The index at /__mock/ is public (routes and links, no data): not the control plane's to guard.
      control: selection.path.startsWith(CONTROL_PREFIX) && !INDEX_PATHS.has(path),
      cors: CORS_ALLOW_ORIGIN,
      refusal: undefined,
    };
    closeIfStopping(res);

    if (x.control) {
      // Before any session is created; a refusal is sent once the body (bounded) has been read.
      const admission = admit(req, x.method, selection.path);
      x.cors = admission.cors;
      if (admission.kind === 'refused') x.refusal = admission;
      else if (x.method === 'OPTIONS') {
        answerControlPreflight(req, res, admission.cors);
        return logDone(x, 204);
      }
    } else if (x.method === 'OPTIONS') {
      answerPreflight(req, res);
      return logDone(x, 204);
    }
    if (declaresTooLarge(req)) return tooLarge(x);
    if (!announcesBody(req)) return dispatch(x, undefined);
    readBody(req).then(
      (result) => afterBody(x, result),
      () => res.destroy(),
    );
  };
}

/** The path of a request target without its query. Absolute-form targets (from proxies) too. */
function pathOf(path: string): string {
  if (path.charCodeAt(0) === 47 /* "/" */) return path;
  try {
    return new URL(path).pathname;
  } catch {
    return path; // "*" or garbage: no route matches it, so it gets the 404
  }
}
