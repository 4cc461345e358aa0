// Walking an error's `cause` links, for classification and for sanitised copies.

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
