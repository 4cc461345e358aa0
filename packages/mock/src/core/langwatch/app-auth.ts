// The credential on the app API (both LangWatch routes), read as the real service reads it
// (langwatch/src/server/api-key/auth-middleware.ts, extractCredentials): Basic auth
// (base64 "user:key"; the key is the password, the user must be non-empty), else a non-empty
// Bearer token, else X-Auth-Token. A malformed Basic header or an empty Bearer falls through to
// X-Auth-Token, so that a header injected by a proxy does not hide the real credential.
import { decodeBase64Lenient } from '../base64.js';
import type { OperationInput } from '../dispatcher.js';

/** The token the request presents, or undefined when it presents none. */
export function presentedToken(headers: OperationInput['headers']): string | undefined {
  const authorization = headers.authorization;
  const scheme = authorization?.slice(0, 7).toLowerCase();
  if (authorization !== undefined && scheme?.startsWith('basic ')) {
    const decoded = decodeBase64Lenient(authorization.slice(6));
    const colon = decoded.indexOf(':');
    if (colon > 0 && colon < decoded.length - 1) return decoded.slice(colon + 1);
  }
  if (authorization !== undefined && scheme === 'bearer ') {
    const token = authorization.slice(7).trim();
    if (token) return token;
  }
  return headers['x-auth-token'] || undefined;
}
