// The node:http request listener. Hot path: split the query off the raw target, hand a plain
// request to the cores, write their outcome. No URL objects, no Fetch types, no closures per
// request, and bodies are read only when the request announces one.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactCredentials } from '../../core/redact.js';
import type { Outcome } from '../../core/transport.js';
import type { AnyFamily } from '../../families/family.js';
import { CONTROL_PREFIX, type ControlPlane, type ControlResult } from '../control/control-plane.js';
import type { World } from '../world/world.js';
import { announcesBody, declaresTooLarge, readBody } from './body.js';
import { answerPreflight } from './cors.js';
import type { RequestLog } from './request-log.js';
import { sendEmpty, sendError, sendJson } from './respond.js';
import { sendEvents } from './send-events.js';

export interface HandlerDeps {
  /** The mocks this server answers with. */
  world: World<readonly AnyFamily[]>;
  control: ControlPlane;
  log: RequestLog;
  /** True once shutdown began: answers then close their connection. */
  closing(): boolean;
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
}

export function createRequestHandler(deps: HandlerDeps): RequestHandler {
  const { world, control, log } = deps;

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
    const { status, headers, body, events } = outcome.response;
    if (events) sendEvents(x.res, status, events, headers);
    else if (body === undefined) sendEmpty(x.res, status, headers);
    else sendJson(x.res, status, body, headers);
    logDone(x, status, outcome.operationId);
  };

  const dispatch = (x: Exchange, body: string | undefined): void => {
    closeIfStopping(x.res); // shutdown may have begun while the body was arriving
    try {
      if (x.path.startsWith(CONTROL_PREFIX)) return answerControl(x, control.handle(world, x.method, x.path, body));
      const headers = x.req.headers as Record<string, string | undefined>;
      const outcome = world.handle({ method: x.method, url: x.target, path: x.path, query: x.query, headers, body });
      if (outcome.kind === 'unmatched' || outcome.kind === 'method-not-allowed') return unanswered(x, outcome);
      if (outcome.delayMs > 0) setTimeout(answer, outcome.delayMs, x, outcome);
      else answer(x, outcome);
    } catch {
      // Nothing a request carries may take the server down; the cores catch their own bugs,
      // this catches ours.
      if (!x.res.headersSent) sendError(x.res, 500, 'internal_error', 'The mock server failed to handle this request');
      else x.res.destroy();
      logDone(x, 500);
    }
  };

  const answerControl = (x: Exchange, result: ControlResult) => {
    if (result.kind !== 'respond') return unanswered(x, result);
    if (result.body === undefined) sendEmpty(x.res, result.status);
    else sendJson(x.res, result.status, result.body);
    logDone(x, result.status);
  };

  const unanswered = (x: Exchange, outcome: { kind: 'unmatched' } | { kind: 'method-not-allowed'; allow: readonly string[] }) => {
    const shown = redactCredentials(x.path.length > 200 ? `${x.path.slice(0, 200)}…` : x.path);
    if (outcome.kind === 'unmatched') {
      sendError(x.res, 404, 'not_found', `No mock serves ${x.method} ${shown}`);
      return logDone(x, 404);
    }
    const allow = [...outcome.allow, 'OPTIONS'].join(', ');
    sendError(x.res, 405, 'method_not_allowed', `${x.method} is not allowed on ${shown}; allowed: ${allow}`, { headers: { allow } });
    logDone(x, 405);
  };

  const afterBody = (x: Exchange, result: Awaited<ReturnType<typeof readBody>>) => {
    if (result.kind === 'aborted') return; // the client is gone; nothing to answer
    if (result.kind === 'too-large') return tooLarge(x);
    dispatch(x, result.text);
  };

  const tooLarge = (x: Exchange) => {
    // The unread rest of the body must not be parsed as the next request: close after answering.
    sendError(x.res, 413, 'payload_too_large', 'The request body is over 1 MiB', { headers: { connection: 'close' } });
    logDone(x, 413);
  };

  return function handleRequest(req, res) {
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    const x: Exchange = {
      req,
      res,
      method: req.method ?? 'GET',
      target,
      path: pathOf(queryAt === -1 ? target : target.slice(0, queryAt)),
      query: queryAt === -1 ? '' : target.slice(queryAt + 1),
      started: log.enabled ? performance.now() : 0,
    };
    closeIfStopping(res);

    if (x.method === 'OPTIONS') {
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
