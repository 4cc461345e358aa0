// The node:http request listener. Hot path: split the query off the raw target, hand a plain
// request to the cores, write their outcome. No URL objects, no Fetch types, no allocation a
// plain API call does not need; bodies are read only when the request announces one.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactCredentials } from '../core/redact.js';
import type { MockRequest, Outcome } from '../core/transport.js';
import { announcesBody, declaresTooLarge, readBody } from './body.js';
import { CONTROL_PREFIX, type ControlPlane } from './control-plane.js';
import { answerPreflight } from './cors.js';
import type { MockSet } from './mocks.js';
import type { RequestLog } from './request-log.js';
import { sendEmpty, sendError, sendJson } from './respond.js';

export interface HandlerDeps {
  mocks: Pick<MockSet, 'langwatch' | 'vine'>;
  control: ControlPlane;
  log: RequestLog;
  /** True once shutdown began: answers then close their connection. */
  closing(): boolean;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function createRequestHandler(deps: HandlerDeps): RequestHandler {
  const { langwatch, vine } = deps.mocks;
  const { control, log } = deps;

  /** The cores in turn: their paths do not collide, so the first that claims the path answers. */
  const handleApi = (request: MockRequest): Outcome => {
    const outcome = langwatch.handle(request);
    return outcome.kind === 'unmatched' ? vine.handle(request) : outcome;
  };

  return function handleRequest(req, res) {
    const started = log.enabled ? performance.now() : 0;
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    const path = pathOf(target);
    const done = (status: number, operationId?: string) => {
      if (log.enabled) log.write({ method, path, status, operationId, durationMs: performance.now() - started });
    };
    if (deps.closing()) res.setHeader('connection', 'close');

    if (method === 'OPTIONS') {
      answerPreflight(req, res);
      return done(204);
    }
    if (declaresTooLarge(req)) {
      tooLarge(res);
      return done(413);
    }
    if (!announcesBody(req)) return dispatch(req, res, method, path, target, undefined, done);

    readBody(req).then(
      (result) => {
        if (result.kind === 'aborted') return; // the client is gone; nothing to answer
        if (result.kind === 'too-large') {
          tooLarge(res);
          return done(413);
        }
        dispatch(req, res, method, path, target, result.text, done);
      },
      () => res.destroy(),
    );
  };

  function dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string,
    target: string,
    body: string | undefined,
    done: (status: number, operationId?: string) => void,
  ): void {
    try {
      if (path.startsWith(CONTROL_PREFIX)) {
        const result = control.handle(method, path, body);
        if (result.kind === 'respond') {
          if (result.body === undefined) sendEmpty(res, result.status);
          else sendJson(res, result.status, result.body);
          return done(result.status);
        }
        return unanswered(res, result, method, path, done);
      }
      const headers = req.headers as Record<string, string | undefined>;
      const outcome = handleApi({ method, url: target, path, headers, body });
      if (outcome.kind === 'unmatched' || outcome.kind === 'method-not-allowed') return unanswered(res, outcome, method, path, done);
      const act =
        outcome.kind === 'network-error'
          ? () => {
              req.socket.destroy();
              done(0, outcome.operationId);
            }
          : () => {
              const { status, headers: extra, body: json } = outcome.response;
              if (json === undefined) sendEmpty(res, status, extra);
              else sendJson(res, status, json, extra);
              done(status, outcome.operationId);
            };
      if (outcome.delayMs > 0) setTimeout(act, outcome.delayMs);
      else act();
    } catch {
      // Nothing a request carries may take the server down; the cores catch their own bugs,
      // this catches ours.
      if (!res.headersSent) sendError(res, 500, 'internal_error', 'The mock server failed to handle this request');
      else res.destroy();
      done(500);
    }
  }
}

function unanswered(
  res: ServerResponse,
  outcome: { kind: 'unmatched' } | { kind: 'method-not-allowed'; allow: readonly string[] },
  method: string,
  path: string,
  done: (status: number) => void,
): void {
  const shown = redactCredentials(path.length > 200 ? `${path.slice(0, 200)}…` : path);
  if (outcome.kind === 'unmatched') {
    sendError(res, 404, 'not_found', `No mock serves ${method} ${shown}`);
    return done(404);
  }
  const allow = [...outcome.allow, 'OPTIONS'].join(', ');
  sendError(res, 405, 'method_not_allowed', `${method} is not allowed on ${shown}; allowed: ${allow}`, { headers: { allow } });
  done(405);
}

function tooLarge(res: ServerResponse): void {
  // The unread rest of the body must not be parsed as the next request: close after answering.
  sendError(res, 413, 'payload_too_large', 'The request body is over 1 MiB', { headers: { connection: 'close' } });
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
