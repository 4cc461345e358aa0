// Which world a request is for: the session named by the X-Revokit-Session header or by a
// /__session/<id>/ path prefix (for clients that can only be given a base URL), else the
// default world. The prefix is stripped, so the rest is routed as usual.
import { isSessionId, SESSION_ID_RULE } from '../world/sessions.js';

export const SESSION_HEADER = 'x-revokit-session';
const PREFIX = '/__session/';

export type SessionSelection =
  | { kind: 'default'; path: string; target: string }
  | { kind: 'session'; id: string; path: string; target: string }
  | { kind: 'invalid'; message: string; path: string };

export function selectSession(header: string | undefined, path: string, target: string): SessionSelection {
  let id = header;
  if (path.startsWith(PREFIX)) {
    const end = path.indexOf('/', PREFIX.length);
    const fromPath = path.slice(PREFIX.length, end === -1 ? undefined : end);
    const rest = end === -1 ? '/' : path.slice(end);
    if (id !== undefined && id !== fromPath) return { kind: 'invalid', message: `the ${SESSION_HEADER} header and the /__session/ prefix name different sessions`, path: rest };
    id = fromPath;
    path = rest;
    if (target.startsWith(PREFIX)) {
      const rest = target.slice(PREFIX.length + fromPath.length);
      target = rest.startsWith('/') ? rest : `/${rest}`;
    }
  }
  if (id === undefined) return { kind: 'default', path, target };
  if (!isSessionId(id)) return { kind: 'invalid', message: `${JSON.stringify(id.slice(0, 80))} is not a session id: ${SESSION_ID_RULE}`, path };
  return { kind: 'session', id, path, target };
}
