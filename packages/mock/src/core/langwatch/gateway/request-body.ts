// Reading a data-plane request body the way the gateway does: it peeks at "model" (and "stream")
// without validating the rest, so a body that is not JSON simply has no model.

export interface PeekedRequest {
  model: string;
  stream: boolean;
  /** The whole parsed body, for the fields each endpoint reads. */
  fields: Record<string, unknown>;
}

/** The body's model and stream flag, or undefined when there is no model string to read. */
export function peekRequest(body: string | undefined): PeekedRequest | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const fields = parsed as Record<string, unknown>;
  if (typeof fields.model !== 'string' || fields.model === '') return undefined;
  return { model: fields.model, stream: fields.stream === true, fields };
}

/** A rough token count: the words of the text in `value` (strings, and the `content`/`text` of parts and messages), at least 1. */
export function countTokens(value: unknown): number {
  let words = 0;
  const visit = (item: unknown, depth: number): void => {
    if (depth > 32) return;
    if (typeof item === 'string') words += item.split(/\s+/).filter(Boolean).length;
    else if (Array.isArray(item)) item.forEach((entry) => visit(entry, depth + 1));
    else if (typeof item === 'object' && item !== null) {
      const { content, text } = item as { content?: unknown; text?: unknown };
      visit(content, depth + 1);
      visit(text, depth + 1);
    }
  };
  visit(value, 0);
  return Math.max(1, words);
}

/** What every mocked model says, cut into the pieces a stream sends. */
export const REPLY_PIECES: readonly string[] = ['Hello', ' from', ' the', ' revokit', ' mock', ' gateway.'];
export const REPLY_TEXT = REPLY_PIECES.join('');
