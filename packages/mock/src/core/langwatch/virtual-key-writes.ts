// POST /api/gateway/v1/virtual-keys and PATCH /virtual-keys/{id} (gateway-platform app.ts:308-372,
// 412-462; virtualKey.service.ts:122-256 @ 3dca0f685f), checks in the service's order. Two spec-era
// bugs answered 500 where the spec documents a 400, and get the spec's 400 here: a provider
// credential the project cannot use, and an update of a revoked key (docs/divergences.md).
import type { operations } from '@revokit/langwatch/generated/virtual-keys/types';
import type { OperationInput } from '../dispatcher.js';
import type { SpecResponse } from '../spec-response.js';
import { apiError, type LangWatchError } from './envelopes.js';
import { mintVirtualKey } from './mint.js';
import { withProjectCaller } from './project-auth.js';
import { CREDENTIALS_NOT_IN_PROJECT, isUsableChain } from './provider-credentials.js';
import { virtualKeyView, type LangWatchContext, type LangWatchState, type VirtualKeyRecord } from './state.js';
import { badRequest, readCreateBody, readUpdateBody } from './virtual-key-body.js';
import { mergeConfig } from './virtual-key-config.js';
import { notFound, ownedKey } from './virtual-keys.js';

type CreateResponse = SpecResponse<operations['postApiGatewayV1Virtual-keys'], LangWatchError>;
type UpdateResponse = SpecResponse<operations['patchApiGatewayV1Virtual-keysById'], LangWatchError>;

/**
 * `@@unique([projectId, name])` (langwatch/prisma/schema.prisma:1637), whatever the key's status:
 * a revoked key keeps its name. Prisma's P2002, as the error handler answers it (error-handler.ts:77-93).
 */
function nameTaken(state: LangWatchState, projectId: string, name: string, except?: VirtualKeyRecord): boolean {
  for (const key of state.virtualKeys.values()) if (key.projectId === projectId && key.name === name && key !== except) return true;
  return false;
}
const conflict = () => ({ ...apiError(409, 'Conflict', 'Unique constraint violated on projectId, name'), undocumented: true as const });

const unusableChain = () => badRequest('bad_request', CREDENTIALS_NOT_IN_PROJECT);

export function createVirtualKey(context: LangWatchContext, input: OperationInput): CreateResponse {
  const { state } = context;
  return withProjectCaller(context, input, 'virtualKeys:create', ({ project }) => {
    const read = readCreateBody(input.body);
    if (read.error) return read.error;
    const body = read.body;
    if (!isUsableChain(state, project.id, body.provider_credential_ids)) return unusableChain();
    if (nameTaken(state, project.id, body.name)) return conflict();
    const key = mintVirtualKey(
      context,
      {
        projectId: project.id,
        name: body.name,
        description: body.description ?? null,
        environment: body.environment,
        principalUserId: body.principal_user_id ?? null,
        providerCredentialIds: body.provider_credential_ids,
        ...(body.config === undefined ? {} : { config: body.config }),
      },
      input.now,
    );
    return { status: 201 as const, body: { virtual_key: virtualKeyView(key), secret: key.secret } };
  });
}

export function updateVirtualKey(context: LangWatchContext, input: OperationInput): UpdateResponse {
  const { state } = context;
  return withProjectCaller(context, input, 'virtualKeys:update', ({ project }) => {
    const read = readUpdateBody(input.body);
    if (read.error) return read.error;
    const body = read.body;
    const key = ownedKey(state, project, input.params.id);
    if (!key) return notFound();
    // Production's answer since 5459a31a0f (2026-07-30); the spec-era service threw a 500.
    if (key.revokedAt !== null) return badRequest('bad_request', 'Cannot update a revoked virtual key');
    if (body.provider_credential_ids && !isUsableChain(state, project.id, body.provider_credential_ids)) return unusableChain();
    if (body.name !== undefined && nameTaken(state, project.id, body.name, key)) return conflict();
    key.name = body.name ?? key.name;
    // `input.description ?? existing.description`: null (and an omitted description) keep the old one.
    key.description = body.description ?? key.description;
    if (body.provider_credential_ids) key.providerCredentialIds = [...body.provider_credential_ids];
    key.config = mergeConfig(key.config, body.config);
    // Every successful update counts, `{}` too (revision: { increment: 1n }).
    key.revision += 1;
    return { status: 200 as const, body: { virtual_key: virtualKeyView(key) } };
  });
}
