// The rest of the gateway's /v1/: an unknown route (/v1/responses, …) or another method on a known
// one. As in the real gateway the key is checked first (a revoked key reads as revoked anywhere
// under /v1/); then the answer is 404 or 405. The real gateway answers those two with its router's
// plain-text defaults; the mock uses the gateway's JSON envelope so that every client can read them
// (docs/divergences.md).
import type { PlanePrefixRule } from '../../plane-prefix.js';
import { createRedactor } from '../../redact.js';
import type { LangWatchContext } from '../state.js';
import { authenticateRequest } from './auth.js';
import { gatewayError } from './errors.js';
import { GATEWAY_PREFIX } from './operations.js';

export function gatewayPrefixRule(context: LangWatchContext): PlanePrefixRule {
  // The answer quotes the path, where a client may have put a credential.
  const { redact } = createRedactor([context.secrets]);
  return {
    plane: 'gateway',
    prefix: GATEWAY_PREFIX,
    answer(request, allow, now) {
      const auth = authenticateRequest(context, request.headers, now);
      if ('response' in auth) return auth.response;
      const path = redact(request.path);
      const route = `${request.method.toUpperCase()} ${path.length > 200 ? `${path.slice(0, 200)}…` : path}`;
      if (allow === undefined) return gatewayError(404, 'not_found', `the mock gateway has no route ${route}`);
      const methods = allow.join(', ');
      return { ...gatewayError(405, 'method_not_allowed', `${route}: allowed ${methods}`), headers: { allow: methods } };
    },
  };
}
