// Who calls a virtual-key route, for which project, and whether it may (auth-middleware.ts
// createUnifiedAuthMiddleware and requireApiKeyPermission, token-resolver.ts @ 3dca0f685f).
// A project key names its project by itself; an admin API key needs the project named by the
// Basic user part or X-Project-Id, in its organization, and the route's permission there. Project
// keys pass every permission check. After a 2xx, an admin key's lastUsedAt moves.
import type { OperationInput } from '../dispatcher.js';
import type { MockResponse } from '../transport.js';
import { findLiveApiKey, markUsed } from './admin-auth.js';
import { isApiKeyToken, presentedCredentials } from './app-auth.js';
import { apiError } from './envelopes.js';
import { apiKeyGrants } from './permissions.js';
import type { ApiKeyRecord, LangWatchContext, LangWatchState, Project } from './state.js';

/** The permission each virtual-key route requires (gateway-platform app.ts:45-68). */
export type VirtualKeyPermission = 'virtualKeys:view' | 'virtualKeys:create' | 'virtualKeys:update' | 'virtualKeys:rotate' | 'virtualKeys:delete';

export interface ProjectCaller {
  project: Project;
  /** Set when the caller is an admin API key, not the project's own key. */
  apiKey?: ApiKeyRecord;
}

const NO_CREDENTIALS = 'Authentication required. Use Authorization: Basic base64(projectId:token), Authorization: Bearer <token>, or X-Auth-Token header.';

function resolve(state: LangWatchState, token: string, projectId: string | null, now: number): ProjectCaller | undefined {
  if (isApiKeyToken(token)) {
    const apiKey = findLiveApiKey(state, token, now);
    // No project named, or one that is not in the key's organization (the mock has one): unresolved.
    const project = apiKey && projectId ? state.projects.get(projectId) : undefined;
    return project && { project, apiKey };
  }
  for (const project of state.projects.values()) {
    if (project.apiKey === token) return { project };
  }
  return undefined;
}

/** A 403 the virtual-key operations do not document (docs/divergences.md, "Undocumented responses"). */
const forbidden = (permission: string) => ({ ...apiError(403, 'Forbidden', `API Key does not grant required permission: ${permission}`), undocumented: true as const });

/** Runs `route` for a caller allowed `permission` on its project, or answers 401 / 403. */
export function withProjectCaller<R extends MockResponse>(context: LangWatchContext, input: OperationInput, permission: VirtualKeyPermission, route: (caller: ProjectCaller) => R) {
  const { state } = context;
  const credentials = presentedCredentials(input.headers);
  if (credentials === undefined) return apiError(401, 'Unauthorized', NO_CREDENTIALS);
  const caller = resolve(state, credentials.token, credentials.projectId || null, input.now);
  if (!caller) return apiError(401, 'Unauthorized', 'Invalid credentials');
  if (caller.apiKey && !apiKeyGrants(caller.apiKey, state.organizationId, { type: 'project', id: caller.project.id }, permission)) return forbidden(permission);
  const response = route(caller);
  if (caller.apiKey) markUsed(caller.apiKey, response, input.now);
  return response;
}
