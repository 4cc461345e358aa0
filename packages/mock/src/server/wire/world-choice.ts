// Picks the world a request acts on (the default one, or a session's) and refuses what the
// server's session policy forbids: a malformed session id, a missing session when sessions are
// required, a new session past the bound.
import type { AnyFamily } from '../../families/family.js';
import type { Sessions } from '../world/sessions.js';
import type { World } from '../world/world.js';
import { SESSION_HEADER, type SessionSelection } from './session-select.js';

type AnyWorld = World<readonly AnyFamily[]>;

export type WorldChoice =
  | { kind: 'world'; world: AnyWorld; path: string; target: string }
  | { kind: 'refused'; status: 400 | 429; error: string; message: string; path: string };

export interface WorldChooserOptions {
  defaultWorld: AnyWorld;
  sessions: Sessions<readonly AnyFamily[]>;
  /** Requests without a session are refused (except the health check and session listing). */
  requireSession: boolean;
}

/** Control-plane paths that act on no world's state, so they need no session (the dashboard's files neither). */
const SESSIONLESS = /^\/__mock\/(health|sessions|ui)(\/|$)/;

export function createWorldChooser({ defaultWorld, sessions, requireSession }: WorldChooserOptions) {
  /** Creates the session the selection names (counting a use), unless refused. */
  return function choose(selection: SessionSelection): WorldChoice {
    if (selection.kind === 'invalid') return { kind: 'refused', status: 400, error: 'bad_request', message: selection.message, path: selection.path };
    if (selection.kind === 'default') {
      if (requireSession && !SESSIONLESS.test(selection.path)) {
        return {
          kind: 'refused',
          status: 400,
          error: 'session_required',
          message: `this server requires a session (--require-session): send the header "${SESSION_HEADER}: <id>" or prefix the path with /__session/<id>`,
          path: selection.path,
        };
      }
      return { kind: 'world', world: defaultWorld, path: selection.path, target: selection.target };
    }
    const world = sessions.use(selection.id);
    if (!world) {
      return {
        kind: 'refused',
        status: 429,
        error: 'too_many_sessions',
        message: `the server already holds ${sessions.max} sessions (--max-sessions): end one with DELETE /__mock/sessions/{id}, or let idle ones expire (--session-ttl)`,
        path: selection.path,
      };
    }
    return { kind: 'world', world, path: selection.path, target: selection.target };
  };
}

export type WorldChooser = ReturnType<typeof createWorldChooser>;
