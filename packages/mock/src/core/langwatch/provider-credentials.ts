// Provider credentials: what a virtual key's fallback chain names. The service accepts a chain only
// when every id is an enabled credential of the key's project, each once
// (assertProviderCredentialsBelongToProject, langwatch/src/server/gateway/virtualKey.service.ts:367-387
// @ 3dca0f685f: `count(where projectId, id in ids, disabledAt null) === ids.length`).
import { isoTime } from '../iso-time.js';
import type { LangWatchState, ProviderCredentialRecord } from './state.js';

export const CREDENTIALS_NOT_IN_PROJECT = 'One or more provider credentials do not belong to this project or are disabled';

/** The project's enabled credentials, oldest first. */
export function enabledCredentialsOf(state: LangWatchState, projectId: string): ProviderCredentialRecord[] {
  return [...state.providerCredentials.values()].filter((credential) => credential.projectId === projectId && credential.disabledAt === null);
}

/** Whether `ids` is a chain the service accepts for this project. */
export function isUsableChain(state: LangWatchState, projectId: string, ids: readonly string[]): boolean {
  if (new Set(ids).size !== ids.length) return false; // a repeated id counts once: the count falls short
  return ids.every((id) => {
    const credential = state.providerCredentials.get(id);
    return credential !== undefined && credential.projectId === projectId && credential.disabledAt === null;
  });
}

/** As the control plane and the banner show a credential (the fields of the service's provider listing). */
export function providerCredentialView(credential: ProviderCredentialRecord) {
  return {
    id: credential.id,
    projectId: credential.projectId,
    modelProviderName: credential.modelProviderName,
    slot: credential.slot,
    createdAt: isoTime(credential.createdAt),
    disabledAt: credential.disabledAt === null ? null : isoTime(credential.disabledAt),
  };
}

export type ProviderCredentialView = ReturnType<typeof providerCredentialView>;
