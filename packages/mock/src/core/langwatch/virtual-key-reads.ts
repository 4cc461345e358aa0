// GET /api/gateway/v1/virtual-keys and /virtual-keys/{id} (gateway-platform app.ts:276-306, 374-410;
// virtualKey.repository.ts:33-43, 75-85 @ 3dca0f685f): every key of the caller's project, revoked
// ones included, newest first; one key by id, revoked ones readable, with the nested 404 that only
// this route sends.
import type { operations } from '@revokit/langwatch/generated/virtual-keys/types';
import type { OperationInput } from '../dispatcher.js';
import type { SpecResponse } from '../spec-response.js';
import type { LangWatchError } from './envelopes.js';
import { withProjectCaller } from './project-auth.js';
import { virtualKeyView, type LangWatchContext, type LangWatchState, type VirtualKeyRecord } from './state.js';
import { ownedKey } from './virtual-keys.js';

type ListResponse = SpecResponse<operations['getApiGatewayV1Virtual-keys'], LangWatchError>;
type GetResponse = SpecResponse<operations['getApiGatewayV1Virtual-keysById'], LangWatchError>;

/**
 * `orderBy: { createdAt: "desc" }`. Keys made at the same instant (a frozen clock) come in reverse
 * order of creation: the database's order for them is unspecified, and this one is stable.
 */
export function newestFirst(state: LangWatchState, projectId: string): VirtualKeyRecord[] {
  const keys: VirtualKeyRecord[] = [];
  for (const key of state.virtualKeys.values()) if (key.projectId === projectId) keys.push(key);
  keys.reverse();
  // Stable, and linear on the usual input (keys created as the clock moves forward).
  return keys.sort((a, b) => b.createdAt - a.createdAt);
}

export function listVirtualKeys(context: LangWatchContext, input: OperationInput): ListResponse {
  return withProjectCaller(context, input, 'virtualKeys:view', ({ project }) => ({
    status: 200 as const,
    body: { data: newestFirst(context.state, project.id).map(virtualKeyView) },
  }));
}

/** The route's own 404: nested, lower-case "virtual key not found" (app.ts:403-408). */
const notFound = () => ({ status: 404 as const, body: { error: { type: 'not_found', code: 'virtual_key_not_found', message: 'virtual key not found' } } });

export function getVirtualKey(context: LangWatchContext, input: OperationInput): GetResponse {
  return withProjectCaller(context, input, 'virtualKeys:view', ({ project }) => {
    const key = ownedKey(context.state, project, input.params.id);
    return key ? { status: 200 as const, body: { virtual_key: virtualKeyView(key) } } : notFound();
  });
}
