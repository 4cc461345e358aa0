// Control plane for virtual keys: revoke and rotate, and the lookup every route by id shares
// (langwatch/src/app/api/gateway-platform/[[...route]]/app.ts, server/gateway/virtualKey.service.ts
// and virtualKey.repository.ts). Effects are immediate here; the data plane (gateway/) sees a
// revocation only after propagation.
import type { operations } from '@revokit/langwatch/generated/virtual-keys/types';
import type { OperationInput } from '../dispatcher.js';
import type { SpecResponse } from '../spec-response.js';
import { formats } from './formats.js';
import { apiError, type LangWatchError } from './envelopes.js';
import { withProjectCaller } from './project-auth.js';
import { ROTATIONS_KEPT, virtualKeyView, type LangWatchContext, type LangWatchState, type Project, type VirtualKeyRecord } from './state.js';

type RevokeResponse = SpecResponse<operations['postApiGatewayV1Virtual-keysByIdRevoke'], LangWatchError>;
type RotateResponse = SpecResponse<operations['postApiGatewayV1Virtual-keysByIdRotate'], LangWatchError>;

/** The service's NotFoundError: its `error` is its message. Revoke, rotate and update send it; the spec lists no 404 for them. */
export const notFound = () => ({ ...apiError(404, 'Virtual key not found', 'Virtual key not found'), undocumented: true as const });

/** The key named by the path if the caller's project owns it: another project's key is as missing as an unknown one. */
export function ownedKey(state: LangWatchState, project: Project, id: string | undefined): VirtualKeyRecord | undefined {
  const key = state.virtualKeys.get(id ?? '');
  return key && key.projectId === project.id ? key : undefined;
}

export function revokeVirtualKey(context: LangWatchContext, input: OperationInput): RevokeResponse {
  return withProjectCaller(context, input, 'virtualKeys:delete', ({ project }) => {
    const key = ownedKey(context.state, project, input.params.id);
    if (!key) return notFound();
    // Idempotent: a repeat changes nothing, revision and revoked_at included. The same write clears
    // the previous secret; only gateway caches still hold it until the revocation propagates.
    if (key.revokedAt === null) {
      key.revokedAt = input.now;
      key.revision += 1;
      key.revokedPrevious = key.previous;
      key.previous = null;
    }
    return { status: 200 as const, body: { virtual_key: virtualKeyView(key) } };
  });
}

const CANNOT_ROTATE = 'Cannot rotate a revoked virtual key';

export function rotateVirtualKey(context: LangWatchContext, input: OperationInput): RotateResponse {
  return withProjectCaller(context, input, 'virtualKeys:rotate', ({ project }) => {
    const key = ownedKey(context.state, project, input.params.id);
    if (!key) return notFound();
    // The spec documents a 400; the service of May 2026 answered 500 by a bug (docs/divergences.md).
    // The body is the one its error handler gives a 400 error: `error` is the message.
    if (key.revokedAt !== null) return apiError(400, CANNOT_ROTATE, CANNOT_ROTATE);
    // The secret before the previous one leaves the state: redaction must still know it.
    if (key.previous) context.secrets.retire(key.previous.secret);
    rotate(key, input.now, context.graceMs);
    context.secrets.minted(key.secret);
    return { status: 200 as const, body: { virtual_key: virtualKeyView(key), secret: key.secret } };
  });
}

/** Only one previous secret is kept: a second rotation retires the first one's predecessor at once. */
function rotate(key: VirtualKeyRecord, now: number, graceMs: number): void {
  key.previous = { secret: key.secret, validUntil: now + graceMs };
  key.rotatedAt.push(now);
  if (key.rotatedAt.length > ROTATIONS_KEPT) key.rotatedAt.shift();
  key.secret = formats.virtualKeySecret(key.environment, now);
  key.revision += 1;
}
