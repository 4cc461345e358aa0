// Connection failures that prove the request never left the client: no connection
// was ever established, so the server cannot have acted on it. Only these let a
// non-idempotent call (rotate) be retried. The codes are Node's (undici's fetch puts
// them on `error.cause`); browsers give no detail, so there nothing counts as proof.
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

export function provesNeverSent(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NEVER_SENT_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
