// The node:http request listener. Hot path: split the query off the raw target, hand a plain
// request to the cores, write their outcome. No URL objects, no Fetch types, no closures per
// request, and bodies are read only when the request announces one.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockRequest, Outcome } from '../core/transport.js';
import { announcesBody, declaresTooLarge, readBody } from './body.js';
import { CONTROL_PREFIX, type ControlPlane, type ControlResult } from './control-plane.js';
import { answerPreflight } from './cors.js';
import type { MockSet } from './mocks.js';
import { refuseOversizedBody } from './oversized-body.js';
import type { RequestLog } from './request-log.js';
import { sendEmpty, sendError, sendJson, sendText } from './respond.js';

export interface HandlerDeps {
  mocks: Pick<MockSet, 'langwatch' | 'vine' | 'redact'>;
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
  /** performance.now() at arrival, when logging. */
  started: number;
}

export function createRequestHandler(deps: HandlerDeps): RequestHandler {
  const { langwatch, vine, redact } = deps.mocks;
  const { control, log } = deps;

  const logDone = (x: Exchange, status: number, operationId?: string) => {
    if (log.enabled) log.write({ method: x.method, path: x.path, status, operationId, durationMs: performance.now() - x.started });
  };

  /** The cores in turn: their paths do not collide, so the first that claims the path answers. */
  const handleApi = (request: MockRequest): Outcome => {
    const outcome = langwatch.handle(request);
    return outcome.kind === 'unmatched' ? vine.handle(request) : outcome;
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
    const { status, headers, body, rawBody } = outcome.response;
    if (rawBody !== undefined) sendText(x.res, status, rawBody, headers);
    else if (body === undefined) sendEmpty(x.res, status, headers);
    else sendJson(x.res, status, body, headers);
    logDone(x, status, outcome.operationId);
  };

  const dispatch = (x: Exchange, body: string | undefined): void => {
    closeIfStopping(x.res); // shutdown may have begun while the body was arriving
    try {
      if (x.path.startsWith(CONTROL_PREFIX)) return answerControl(x, control.handle(x.method, x.path, body));
      const headers = x.req.headers as Record<string, string | undefined>;
      const outcome = handleApi({ method: x.method, url: x.target, path: x.path, headers, body });
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
    const redacted = redact(x.path);
    const shown = redacted.length > 200 ? `${redacted.slice(0, 200)}…` : redacted;
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
    if (result.kind === 'too-large') return tooLarge(x, result.received);
    dispatch(x, result.text);
  };

  const tooLarge = (x: Exchange, alreadyRead: number) => {
    refuseOversizedBody(x.req, x.res, alreadyRead);
    logDone(x, 413);
  };

  return function handleRequest(req, res) {
    const target = req.url ?? '/';
    const x: Exchange = { req, res, method: req.method ?? 'GET', target, path: pathOf(target), started: log.enabled ? performance.now() : 0 };
    closeIfStopping(res);

    if (x.method === 'OPTIONS') {
      answerPreflight(req, res);
      return logDone(x, 204);
    }
    if (declaresTooLarge(req)) return tooLarge(x, 0);
    if (!announcesBody(req)) return dispatch(x, undefined);
    readBody(req).then(
      (result) => afterBody(x, result),
      () => res.destroy(),
    );
  };
}

/** The path of a request target, without the query. Absolute-form targets (from proxies) too. */
function pathOf(target: string): string {
  const query = target.indexOf('?');
  const path = query === -1 ? target : target.slice(0, query);
  if (path.charCodeAt(0) === 47 /* "/" */) return path;
  try {
    return new URL(path).pathname;
  } catch {
    return path; // "*" or garbage: no route matches it, so it gets the 404
  }
}
