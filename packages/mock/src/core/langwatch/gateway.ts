// The gateway data plane: what an app holding a virtual-key secret sees. It learns of a
// revocation only `propagationMs` after it happened (the real gateway's long-poll period).
import type { OperationInput } from '../dispatcher.js';
import type { MockResponse } from '../transport.js';
import { randomString } from '../random.js';
import { gatewayError } from './envelopes.js';
import type { LangWatchContext, VirtualKeyRecord } from './state.js';

export type AuthenticateResult =
  | { ok: true; virtualKeyId: string }
  | { ok: false; reason: 'missing' | 'unknown' | 'revoked' | 'grace_expired' };

/** Fixed names for the data-plane routes, which no spec describes. */
export const gatewayOperations = {
  gatewayListModels: { method: 'GET', path: '/v1/models' },
  gatewayCreateChatCompletion: { method: 'POST', path: '/v1/chat/completions' },
} as const;

export type GatewayOperationId = keyof typeof gatewayOperations;

export function authenticateSecret(context: LangWatchContext, secret: string | undefined, now: number): AuthenticateResult {
  if (!secret) return { ok: false, reason: 'missing' };
  const key = findBySecret(context.state.virtualKeys.values(), secret);
  if (!key) return { ok: false, reason: 'unknown' };
  if (key.revokedAt !== null && now >= key.revokedAt + context.propagationMs) return { ok: false, reason: 'revoked' };
  if (key.secret !== secret && now >= key.previous!.validUntil) return { ok: false, reason: 'grace_expired' };
  return { ok: true, virtualKeyId: key.id };
}

function findBySecret(keys: Iterable<VirtualKeyRecord>, secret: string): VirtualKeyRecord | undefined {
  for (const key of keys) {
    if (key.secret === secret || key.previous?.secret === secret) return key;
  }
  return undefined;
}

/** `Authorization: Bearer <secret>` (any case of "Bearer"), else `x-api-key`. */
export function presentedSecret(headers: OperationInput['headers']): string | undefined {
  const authorization = headers.authorization?.trim();
  if (authorization) {
    const match = /^bearer\s+(\S+)$/i.exec(authorization);
    return match ? match[1] : '';
  }
  return headers['x-api-key']?.trim() || undefined;
}

const rejection: Record<Exclude<AuthenticateResult, { ok: true }>['reason'], MockResponse> = {
  missing: gatewayError(401, 'invalid_api_key', 'invalid_api_key', 'Missing virtual key: send it as "Authorization: Bearer <key>" or "x-api-key"'),
  unknown: gatewayError(401, 'invalid_api_key', 'invalid_api_key', 'Invalid virtual key'),
  grace_expired: gatewayError(401, 'invalid_api_key', 'invalid_api_key', 'This virtual key secret was rotated and its grace period has ended'),
  revoked: gatewayError(401, 'invalid_api_key', 'virtual_key_revoked', 'This virtual key has been revoked'),
};

/** Runs `respond` for an accepted secret, recording the use; otherwise the gateway's 401. */
function withVirtualKey(context: LangWatchContext, input: OperationInput, respond: () => MockResponse): MockResponse {
  const result = authenticateSecret(context, presentedSecret(input.headers), input.now);
  if (!result.ok) return rejection[result.reason];
  context.state.virtualKeys.get(result.virtualKeyId)!.lastUsedAt = input.now;
  return respond();
}

const MODELS = ['openai/gpt-5-mini', 'anthropic/claude-haiku-4-5'];

export function listModels(context: LangWatchContext, input: OperationInput): MockResponse {
  return withVirtualKey(context, input, () => ({
    status: 200,
    body: {
      object: 'list',
      data: MODELS.map((id) => ({ id, object: 'model', created: Math.floor(input.now / 1000), owned_by: id.split('/')[0] })),
    },
  }));
}

export function createChatCompletion(context: LangWatchContext, input: OperationInput): MockResponse {
  return withVirtualKey(context, input, () => {
    let request: unknown;
    try {
      request = JSON.parse(input.body ?? '');
    } catch {
      return gatewayError(400, 'invalid_request_error', 'invalid_json', 'The request body is not valid JSON');
    }
    const model = (request as { model?: unknown } | null)?.model;
    if (typeof model !== 'string' || model === '') {
      return gatewayError(400, 'invalid_request_error', 'missing_model', 'The request body needs a "model" string');
    }
    return {
      status: 200,
      body: {
        id: `chatcmpl-${randomString('0123456789abcdefghijklmnopqrstuvwxyz', 24)}`,
        object: 'chat.completion',
        created: Math.floor(input.now / 1000),
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: 'Hello from the revokit mock gateway.' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 7, total_tokens: 8 },
      },
    };
  });
}
