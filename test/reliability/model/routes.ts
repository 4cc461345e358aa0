// The operations the mocks serve (README "Operation names", docs/server.md), how a path reaches
// one ("ids reach the mocks still percent-encoded and are decoded once"), and the error envelope
// each API answers in. The tables restate docs/divergences.md on purpose: a model importing the
// mock's own tables would agree with their mistakes.
import { expect } from 'vitest';
import type { Family } from './world.js';

/** Where an operation lives: the LangWatch app API, its gateway (data plane), or Vine. */
export type Plane = 'api' | 'gateway' | 'vine';

export interface Operation {
  id: string;
  method: string;
  path: string;
  plane: Plane;
  family: Family;
  /** Whether a spec documents it (its bodies are checked against the generated schemas). */
  inSpec: boolean;
}

const op = (id: string, method: string, path: string, plane: Plane, inSpec: boolean): Operation => ({ id, method, path, plane, family: plane === 'vine' ? 'vine' : 'langwatch', inSpec });

export const OPERATIONS: readonly Operation[] = [
  op('getApiGatewayV1Virtual-keys', 'GET', '/api/gateway/v1/virtual-keys', 'api', true),
  op('postApiGatewayV1Virtual-keys', 'POST', '/api/gateway/v1/virtual-keys', 'api', true),
  op('getApiGatewayV1Virtual-keysById', 'GET', '/api/gateway/v1/virtual-keys/{id}', 'api', true),
  op('patchApiGatewayV1Virtual-keysById', 'PATCH', '/api/gateway/v1/virtual-keys/{id}', 'api', true),
  op('postApiGatewayV1Virtual-keysByIdRevoke', 'POST', '/api/gateway/v1/virtual-keys/{id}/revoke', 'api', true),
  op('postApiGatewayV1Virtual-keysByIdRotate', 'POST', '/api/gateway/v1/virtual-keys/{id}/rotate', 'api', true),
  op('listApiKeys', 'GET', '/api/api-keys', 'api', true),
  op('createApiKey', 'POST', '/api/api-keys', 'api', true),
  op('revokeApiKey', 'DELETE', '/api/api-keys/{id}', 'api', true),
  op('gatewayListModels', 'GET', '/v1/models', 'gateway', false),
  op('gatewayCreateChatCompletion', 'POST', '/v1/chat/completions', 'gateway', false),
  op('gatewayCreateEmbedding', 'POST', '/v1/embeddings', 'gateway', false),
  op('gatewayCreateMessage', 'POST', '/v1/messages', 'gateway', false),
  op('postApiV1Keys', 'POST', '/api/v1/keys', 'vine', true),
  op('postApiV1KeysByIdRevoke', 'POST', '/api/v1/keys/{id}/revoke', 'vine', true),
  op('postApiV1Detect', 'POST', '/api/v1/detect', 'vine', false),
];

export const operationById = (id: string): Operation => OPERATIONS.find((o) => o.id === id)!;

export type RouteMatch = { kind: 'op'; op: Operation; id: string | undefined } | { kind: 'wrong-method'; allow: string[]; plane: Plane } | { kind: 'none' };

/** A path template matched segment by segment; `{id}` takes exactly one segment (empty included), decoded once. */
export function matchRoute(method: string, path: string): RouteMatch {
  const segments = path.split('/');
  let allow: string[] | undefined;
  let plane: Plane = 'api';
  for (const operation of OPERATIONS) {
    const template = operation.path.split('/');
    if (template.length !== segments.length) continue;
    let id: string | undefined;
    const fits = template.every((part, i) => {
      if (part !== '{id}') return part === segments[i];
      id = decodeOnce(segments[i]!);
      return true;
    });
    if (!fits) continue;
    if (operation.method === method.toUpperCase()) return { kind: 'op', op: operation, id };
    (allow ??= []).push(operation.method);
    plane = operation.plane;
  }
  return allow ? { kind: 'wrong-method', allow, plane } : { kind: 'none' };
}

function decodeOnce(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape names no entity
  }
}

/** The gateway answers all of /v1/ itself (docs/server.md "The data planes"). */
export const GATEWAY_PREFIX = '/v1/';

/** The app API's `error` string per status (divergences.md "Injected faults on the app API"), else the reason phrase. */
const APP_ERROR: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable entity',
  429: 'Too Many Requests',
  500: 'Internal server error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The herr code the gateway registers per status (divergences.md), `internal_error` for the rest. */
const GATEWAY_CODE: Record<number, string> = {
  400: 'bad_request',
  401: 'invalid_api_key',
  402: 'budget_exceeded',
  403: 'guardrail_blocked',
  404: 'not_found',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'provider_error',
  504: 'provider_timeout',
};

/** Vine's codes (divergences.md "Injected faults"): the docs' three, ours for the rest (the fuzz injects no other 4xx). */
const VINE_CODE: Record<number, string> = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'validation_failed', 429: 'rate_limited' };

/** Where the spec documents the nested `{ error: { type, code, message } }` body on the app API (divergences.md "Injected faults"). */
const NESTED: Record<string, number[]> = { 'postApiGatewayV1Virtual-keys': [400], 'patchApiGatewayV1Virtual-keysById': [400], 'getApiGatewayV1Virtual-keysById': [404] };

/** The body an API answers `status` with when no behaviour ran (an injected fault, a refused session). */
export function envelopeFor(plane: Plane, status: number, message: string, operationId?: string): unknown {
  if (plane === 'api' && operationId !== undefined && NESTED[operationId]?.includes(status)) {
    const code = APP_ERROR[status]!.toLowerCase().replace(/ /g, '_');
    return { error: { type: code, code, message } };
  }
  if (plane === 'api') return { error: APP_ERROR[status], message };
  if (plane === 'gateway') {
    const code = GATEWAY_CODE[status] ?? 'internal_error';
    return { error: { type: code, code, message } };
  }
  return { error: { code: VINE_CODE[status] ?? 'internal_error', message } };
}

/** Stands for "any string" in an expected body (messages the rules do not fix). */
export const ANY: string = expect.any(String);

/** The control plane's routes and methods (docs/server.md "Control plane"): only for wrong methods and unknown paths. */
export const CONTROL_ROUTES: Readonly<Record<string, readonly string[]>> = {
  '/__mock/health': ['GET'],
  '/__mock/reset': ['POST'],
  '/__mock/clock': ['GET', 'POST'],
  '/__mock/faults': ['GET', 'POST', 'DELETE'],
  '/__mock/requests': ['GET'],
  '/__mock/operations': ['GET'],
};

/** The server's index (docs/server.md "Control plane"): GET and HEAD only, answered before any session is chosen. */
export const INDEX_PATHS: readonly string[] = ['/', '/__mock', '/__mock/'];

/** The dashboard's page (docs/server.md "Dashboard"): GET and HEAD only; any other path under /__mock/ui is a 404. */
export const UI_PREFIX = '/__mock/ui';
export const UI_PAGES: readonly string[] = ['/__mock/ui', '/__mock/ui/'];
