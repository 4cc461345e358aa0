// Everything a run creates on the target, and revoking it at the end: after the last step, after
// a failure, after Ctrl-C. Only keys this run created are touched: those whose create answered
// with their id, and, when a create's answer was lost (the connection dropped, the run was
// stopped), the active keys carrying this run's name, found by listing.
import { isObject } from './paths.js';
import type { Side } from './side.js';
import { API_KEYS, bearer, VIRTUAL_KEYS, VINE_KEYS } from './scenario/helpers.js';
import type { CredentialName, ResourceKind, StepRequest } from './step.js';

export interface Created {
  kind: ResourceKind;
  id: string;
  /** The step whose answer named it. */
  step: string;
  revoked: boolean;
}

export interface CleanupReport {
  created: Array<{ kind: ResourceKind; id: string; step: string; revoked_by: 'scenario' | 'cleanup' | null }>;
  /** Those still not revoked, with why: revoke them by hand. */
  failed: Array<{ kind: ResourceKind; id: string; reason: string }>;
}

export interface Registry {
  readonly created: readonly Created[];
  /** A create step was sent and its answer never read: a key may exist that only its name finds. */
  answerLost: boolean;
  add(kind: ResourceKind, id: string, step: string): void;
  markRevoked(kind: ResourceKind, id: string): void;
}

export function createRegistry(): Registry {
  const created: Created[] = [];
  return {
    created,
    answerLost: false,
    add(kind, id, step) {
      if (!created.some((entry) => entry.kind === kind && entry.id === id)) created.push({ kind, id, step, revoked: false });
    },
    markRevoked(kind, id) {
      for (const entry of created) if (entry.kind === kind && entry.id === id) entry.revoked = true;
    },
  };
}

/** The id in a create's answer. */
export function createdId(kind: ResourceKind, body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  const holder = body[kind === 'virtual-key' ? 'virtual_key' : kind === 'api-key' ? 'apiKey' : 'key'];
  return isObject(holder) && typeof holder.id === 'string' ? holder.id : undefined;
}

const revokeRequest = (kind: ResourceKind, id: string, credentials: Partial<Record<CredentialName, string>>): StepRequest => {
  const encoded = encodeURIComponent(id);
  if (kind === 'virtual-key') return { method: 'POST', plane: 'api', path: `${VIRTUAL_KEYS}/${encoded}/revoke`, headers: bearer(credentials.projectKey ?? '') };
  if (kind === 'api-key') return { method: 'DELETE', plane: 'api', path: `${API_KEYS}/${encoded}`, headers: bearer(credentials.adminKey ?? '') };
  return { method: 'POST', plane: 'vine', path: `${VINE_KEYS}/${encoded}/revoke` };
};

/** 409 on an API key: it was revoked already. */
export const meansRevoked = (kind: ResourceKind, status: number): boolean => (status >= 200 && status < 300) || (kind === 'api-key' && status === 409);

export async function cleanUp(
  registry: Registry,
  target: Side,
  credentials: Partial<Record<CredentialName, string>>,
  names: readonly string[],
  signal: AbortSignal,
): Promise<CleanupReport> {
  if (registry.answerLost) await findByName(registry, target, credentials, names, signal);
  const byCleanup = new Set<Created>();
  const failed: CleanupReport['failed'] = [];
  for (const entry of registry.created) {
    if (entry.revoked) continue;
    try {
      const answer = await target.send(revokeRequest(entry.kind, entry.id, credentials), signal);
      if (meansRevoked(entry.kind, answer.status)) {
        entry.revoked = true;
        byCleanup.add(entry);
      } else failed.push({ kind: entry.kind, id: entry.id, reason: `answered ${answer.status}` });
    } catch (error) {
      failed.push({ kind: entry.kind, id: entry.id, reason: (error as Error).message });
    }
  }
  return {
    created: registry.created.map((entry) => ({ kind: entry.kind, id: entry.id, step: entry.step, revoked_by: byCleanup.has(entry) ? 'cleanup' : entry.revoked ? 'scenario' : null })),
    failed,
  };
}

/** Active virtual keys and API keys named as this run names what it creates (Vine lists no keys). */
async function findByName(registry: Registry, target: Side, credentials: Partial<Record<CredentialName, string>>, names: readonly string[], signal: AbortSignal): Promise<void> {
  const lists: Array<[ResourceKind, CredentialName, string]> = [
    ['virtual-key', 'projectKey', VIRTUAL_KEYS],
    ['api-key', 'adminKey', API_KEYS],
  ];
  for (const [kind, credential, path] of lists) {
    const token = credentials[credential];
    if (token === undefined) continue;
    try {
      const answer = await target.send({ method: 'GET', plane: 'api', path, headers: bearer(token) }, signal);
      const data = isObject(answer.body) && Array.isArray(answer.body.data) ? answer.body.data : [];
      for (const item of data) {
        if (isObject(item) && typeof item.id === 'string' && typeof item.name === 'string' && names.includes(item.name) && item.status !== 'revoked') {
          registry.add(kind, item.id, 'found by name');
        }
      }
    } catch {
      // the revokes below report what is left
    }
  }
}
