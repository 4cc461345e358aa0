// Connection failures that prove the request never left the client: no connection
// was ever established, so the server cannot have acted on it. Only these let a
// non-idempotent call (rotate) be retried. The codes are Node's (undici's fetch puts
// them on `error.cause`); browsers give no detail, so there nothing counts as proof.
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

export function provesNeverSent(error: unknown): boolean {
  return causeChain(error).some((link) => NEVER_SENT_CODES.has(link.code as string));
}

export interface CauseLink {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

/** The error and its causes, outermost first (at most 5: causes can be cyclic). */
export function causeChain(error: unknown): CauseLink[] {
  const chain: CauseLink[] = [];
  for (let link = error; link != null && chain.length < 5; link = (link as CauseLink).cause) {
    chain.push(typeof link === 'object' ? (link as CauseLink) : { message: String(link) });
  }
  return chain;
}
