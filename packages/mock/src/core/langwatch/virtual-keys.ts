// Control plane for virtual keys: revoke and rotate (langwatch/src/app/api/gateway-platform/[[...route]]/app.ts,
// server/gateway/virtualKey.service.ts and virtualKey.repository.ts). Effects are immediate here;
// the data plane (gateway/) sees a revocation only after propagation.
import type { operations } from '@revokit/langwatch/generated/virtual-keys/types';
import type { OperationInput } from '../dispatcher.js';
import type { SpecResponse } from '../spec-response.js';
import { presentedToken } from './app-auth.js';
import { formats } from './formats.js';
import { apiError, type LangWatchError } from './envelopes.js';
import { ROTATIONS_KEPT, virtualKeyView, type LangWatchContext, type LangWatchState, type Project, type VirtualKeyRecord } from './state.js';

type RevokeResponse = SpecResponse<operations['postApiGatewayV1Virtual-keysByIdRevoke'], LangWatchError>;
type RotateResponse = SpecResponse<operations['postApiGatewayV1Virtual-keysByIdRotate'], LangWatchError>;

const NO_CREDENTIALS = 'Authentication required. Use Authorization: Basic base64(projectId:token), Authorization: Bearer <token>, or X-Auth-Token header.';

/** The project whose key the request presents (Basic, Bearer or X-Auth-Token), or the 401. */
function authenticateProject(state: LangWatchState, token: string | undefined): { project: Project } | { response: ReturnType<typeof apiError<401>> } {
  if (token === undefined) return { response: apiError(401, 'Unauthorized', NO_CREDENTIALS) };
  for (const project of state.projects.values()) {
    if (project.apiKey === token) return { project };
  }
  return { response: apiError(401, 'Unauthorized', 'Invalid credentials') };
}

/** The service's NotFoundError: its `error` is its message. */
const notFound = () => ({ ...apiError(404, 'Virtual key not found', 'Virtual key not found'), undocumented: true as const });

/** The key named by the path, if the caller's project owns it; otherwise the error to send. */
function findOwnedKey(context: LangWatchContext, input: OperationInput) {
  const auth = authenticateProject(context.state, presentedToken(input.headers));
  if ('response' in auth) return { error: auth.response };
  const key = context.state.virtualKeys.get(input.params.id ?? '');
  // Another project's key is indistinguishable from a missing one, as in the real service.
  if (!key || key.projectId !== auth.project.id) return { error: notFound() };
  return { key };
}

export function revokeVirtualKey(context: LangWatchContext, input: OperationInput): RevokeResponse {
  const found = findOwnedKey(context, input);
  if (found.error) return found.error;
  const key = found.key;
  // Idempotent: a repeat changes nothing, revision and revoked_at included. The same write clears
  // the previous secret; only gateway caches still hold it until the revocation propagates.
  if (key.revokedAt === null) {
    key.revokedAt = input.now;
    key.revision += 1;
    key.revokedPrevious = key.previous;
    key.previous = null;
  }
  return { status: 200, body: { virtual_key: virtualKeyView(key) } };
}

const CANNOT_ROTATE = 'Cannot rotate a revoked virtual key';

export function rotateVirtualKey(context: LangWatchContext, input: OperationInput): RotateResponse {
  const found = findOwnedKey(context, input);
  if (found.error) return found.error;
  const key = found.key;
  // The spec documents a 400; the service of May 2026 answered 500 by a bug (docs/divergences.md).
  // The body is the one its error handler gives a 400 error: `error` is the message.
  if (key.revokedAt !== null) return apiError(400, CANNOT_ROTATE, CANNOT_ROTATE);
  // The secret before the previous one leaves the state: redaction must still know it.
  if (key.previous) context.secrets.retire(key.previous.secret);
  rotate(key, input.now, context.graceMs);
  context.secrets.minted(key.secret);
  return { status: 200, body: { virtual_key: virtualKeyView(key), secret: key.secret } };
}

/** Only one previous secret is kept: a second rotation retires the first one's predecessor at once. */
function rotate(key: VirtualKeyRecord, now: number, graceMs: number): void {
  key.previous = { secret: key.secret, validUntil: now + graceMs };
  key.rotatedAt.push(now);
  if (key.rotatedAt.length > ROTATIONS_KEPT) key.rotatedAt.shift();
  key.secret = formats.virtualKeySecret(key.environment, now);
  key.revision += 1;
}
