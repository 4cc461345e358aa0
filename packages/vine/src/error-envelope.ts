// Vine error bodies: { "error": { "code"?: "<code>", "message"?: "<text>" } }.
import type { ErrorEnvelope } from '@revokit/runtime';

export function readVineError(body: unknown): ErrorEnvelope {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error !== 'object' || error === null) return {};
  const { code, message } = error as { code?: unknown; message?: unknown };
  return {
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? message : undefined,
  };
}
