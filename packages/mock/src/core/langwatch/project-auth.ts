// X-Auth-Token on the virtual-key routes: it must be the key of an existing project.
import type { LangWatchState, Project } from './state.js';
import { apiError } from './envelopes.js';

export type ProjectAuth = { ok: true; project: Project } | { ok: false; response: ReturnType<typeof apiError<401>> };

export function authenticateProject(state: LangWatchState, token: string | undefined): ProjectAuth {
  if (token === undefined || token.trim() === '') {
    return { ok: false, response: apiError(401, 'unauthorized', 'Missing X-Auth-Token header') };
  }
  for (const project of state.projects.values()) {
    if (project.apiKey === token.trim()) return { ok: true, project };
  }
  return { ok: false, response: apiError(401, 'unauthorized', 'Invalid API key') };
}
