// One read of a world through the control plane: the clock, every entity list, the journal, the
// queued faults and the operations, in parallel. A family the server does not serve lists nothing.
import { NetworkError, type Api, type Reply } from './api.js';
import type { SessionInfo, WorldView } from './types.js';

export type PollResult =
  | { kind: 'ok'; view: WorldView }
  | { kind: 'refused'; status: number; error: string; message: string }
  | { kind: 'offline'; message: string };

export class Refused extends Error {
  constructor(readonly reply: Reply) {
    super('refused');
  }
}

async function read<T>(api: Api, path: string, pick: (body: any) => T, fallback?: T): Promise<T> {
  const reply = await api.control('GET', path);
  if (reply.status === 404 && fallback !== undefined) return fallback;
  if (reply.status !== 200) throw new Refused(reply);
  return pick(reply.body);
}

export async function pollWorld(api: Api): Promise<PollResult> {
  try {
    const [clock, projects, providerCredentials, virtualKeys, apiKeys, vineKeys, journal, faults, operations] = await Promise.all([
      read(api, '/__mock/clock', (body) => body),
      read(api, '/__mock/langwatch/projects', (body) => body.projects, []),
      read(api, '/__mock/langwatch/provider-credentials', (body) => body.provider_credentials, []),
      read(api, '/__mock/langwatch/virtual-keys', (body) => body.virtual_keys, []),
      read(api, '/__mock/langwatch/api-keys', (body) => body.api_keys, []),
      read(api, '/__mock/vine/keys', (body) => body.keys, []),
      read(api, '/__mock/requests', (body) => body),
      read(api, '/__mock/faults', (body) => body.faults),
      read(api, '/__mock/operations', (body) => body.operations, []),
    ]);
    return { kind: 'ok', view: { clock, projects, providerCredentials, virtualKeys, apiKeys, vineKeys, journal, faults, operations } };
  } catch (error) {
    if (error instanceof Refused) {
      const body = error.reply.body as { error?: unknown; message?: unknown } | null;
      return { kind: 'refused', status: error.reply.status, error: String(body?.error ?? ''), message: String(body?.message ?? '') };
    }
    if (error instanceof NetworkError) return { kind: 'offline', message: error.message };
    return { kind: 'offline', message: `unexpected answer: ${(error as Error).message}` };
  }
}

/** The server's sessions, read without naming one (reading with a session header would create it). */
export async function pollSessions(api: Api): Promise<SessionInfo[] | undefined> {
  try {
    const reply = await api.control('GET', '/__mock/sessions', undefined, { withSession: false });
    return reply.status === 200 ? (reply.body as { sessions: SessionInfo[] }).sessions : undefined;
  } catch {
    return undefined;
  }
}
