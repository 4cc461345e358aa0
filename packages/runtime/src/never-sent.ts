// Connection failures that prove the request never left the client: no connection
// was ever established, so the server cannot have acted on it. Only these let a
// non-idempotent call (rotate) be retried. The codes are Node's (undici's fetch puts
// them on `error.cause`); browsers give no detail, so there nothing counts as proof.
import { causeChain } from './cause-chain.js';

const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

export function provesNeverSent(error: unknown): boolean {
  return causeChain(error).some((link) => NEVER_SENT_CODES.has(link.code as string));
}
