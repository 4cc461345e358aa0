// The credential on the app API (every LangWatch route), read as the real service reads it
// (langwatch/src/server/api-key/auth-middleware.ts, extractCredentials): Basic auth
// (base64 "user:key"; the key is the password, the user must be non-empty and names the
// project), else a non-empty Bearer token, else X-Auth-Token, with the project from X-Project-Id.
// A malformed Basic header or an empty Bearer falls through to X-Auth-Token, so that a header
// injected by a proxy does not hide the real credential.
import { decodeBase64Lenient } from '../base64.js';
import type { OperationInput } from '../dispatcher.js';

/** The token the request presents, and the project it names (the Basic user part, else X-Project-Id). */
export interface PresentedCredentials {
  token: string;
  projectId: string | null;
}

/** extractCredentials (auth-middleware.ts:36-80): undefined when the request presents no credential. */
export function presentedCredentials(headers: OperationInput['headers']): PresentedCredentials | undefined {
  const authorization = headers.authorization;
  const scheme = authorization?.slice(0, 7).toLowerCase();
  const projectId = headers['x-project-id'] ?? null;
  if (authorization !== undefined && scheme?.startsWith('basic ')) {
    const decoded = decodeBase64Lenient(authorization.slice(6));
    const colon = decoded.indexOf(':');
    if (colon > 0 && colon < decoded.length - 1) return { token: decoded.slice(colon + 1), projectId: decoded.slice(0, colon) };
  }
  if (authorization !== undefined && scheme === 'bearer ') {
    const token = authorization.slice(7).trim();
    if (token) return { token, projectId };
  }
  const token = headers['x-auth-token'];
  return token ? { token, projectId } : undefined;
}

/** The token the request presents, or undefined when it presents none. */
export function presentedToken(headers: OperationInput['headers']): string | undefined {
  return presentedCredentials(headers)?.token;
}

/** `sk-lw-{lookupId}_{secret}` or `pat-lw-…`: an API key, not a project key (getTokenType, api-key-token.utils.ts). */
export const isApiKeyToken = (token: string): boolean => token.startsWith('pat-lw-') || (token.startsWith('sk-lw-') && token.includes('_', 6));
