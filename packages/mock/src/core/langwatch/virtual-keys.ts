// Control plane for virtual keys: revoke and rotate. Effects are immediate here; the data
// plane (gateway.ts) sees a revocation only after propagation.
import type { operations } from '@revokit/langwatch/generated/gateway/types';
import type { OperationInput } from '../dispatcher.js';
import type { SpecResponse } from '../spec-response.js';
import { formats } from './formats.js';
import { apiError, type LangWatchError } from './envelopes.js';
import { virtualKeyView, type LangWatchContext, type LangWatchState, type Project, type VirtualKeyRecord } from './state.js';

type RevokeResponse = SpecResponse<operations['postApiGatewayV1Virtual-keysByIdRevoke'], LangWatchError>;
type RotateResponse = SpecResponse<operations['postApiGatewayV1Virtual-keysByIdRotate'], LangWatchError>;

type ProjectAuth = { ok: true; project: Project } | { ok: false; response: ReturnType<typeof apiError<401>> };

/** X-Auth-Token on the virtual-key routes: it must be the key of an existing project. */
function authenticateProject(state: LangWatchState, token: string | undefined): ProjectAuth {
  if (token === undefined || token.trim() === '') {
    return { ok: false, response: apiError(401, 'unauthorized', 'Missing X-Auth-Token header') };
  }
  for (const project of state.projects.values()) {
    if (project.apiKey === token.trim()) return { ok: true, project };
  }
  return { ok: false, response: apiError(401, 'unauthorized', 'Invalid API key') };
}

const notFound = () => ({ ...apiError(404, 'virtual_key_not_found', 'Virtual key not found'), undocumented: true as const });

/** The key named by the path, if the caller's project owns it; otherwise the error to send. */
function findOwnedKey(context: LangWatchContext, input: OperationInput) {
  const auth = authenticateProject(context.state, input.headers['x-auth-token']);
  if (!auth.ok) return { error: auth.response };
  const key = context.state.virtualKeys.get(input.params.id ?? '');
  // Another project's key is indistinguishable from a missing one, as in the real service.
  if (!key || key.projectId !== auth.project.id) return { error: notFound() };
  return { key };
}

export function revokeVirtualKey(context: LangWatchContext, input: OperationInput): RevokeResponse {
  const found = findOwnedKey(context, input);
  if (found.error) return found.error;
  const key = found.key;
  if (key.revokedAt === null) {
    key.revokedAt = input.now;
    key.revision += 1;
  }
  return { status: 200, body: { virtual_key: virtualKeyView(key) } };
}

export function rotateVirtualKey(context: LangWatchContext, input: OperationInput): RotateResponse {
  const found = findOwnedKey(context, input);
  if (found.error) return found.error;
  const key = found.key;
  if (key.revokedAt !== null) return apiError(400, 'bad_request', 'Cannot rotate a revoked virtual key');
  rotate(key, input.now, context.graceMs);
  return { status: 200, body: { virtual_key: virtualKeyView(key), secret: key.secret } };
}

/** Only one previous secret is kept: a second rotation retires the first one's predecessor at once. */
function rotate(key: VirtualKeyRecord, now: number, graceMs: number): void {
  key.previous = { secret: key.secret, validUntil: now + graceMs };
  key.rotatedAt.push(now);
  key.secret = formats.virtualKeySecret(key.environment, now);
  key.revision += 1;
}
