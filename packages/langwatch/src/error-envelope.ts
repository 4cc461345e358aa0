// LangWatch error bodies: { "error": "<code>", "message"?: "<text>" }.
import type { ErrorEnvelope } from '@revokit/runtime';

export function readLangWatchError(body: unknown): ErrorEnvelope {
  if (typeof body !== 'object' || body === null) return {};
  const { error, message } = body as { error?: unknown; message?: unknown };
  return {
    code: typeof error === 'string' ? error : undefined,
    message: typeof message === 'string' ? message : undefined,
  };
}
