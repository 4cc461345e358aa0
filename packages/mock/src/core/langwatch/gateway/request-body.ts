// Reading a data-plane request body the way the gateway does: it peeks at "model" (and "stream")
// without validating the rest, so a body that is not JSON simply has no model.
import type { MockResponse } from '../../transport.js';
import { gatewayError, missingModel } from './errors.js';

/**
 * The longest model name the mock echoes (mock-only: the real provider refuses a name it does not
 * serve). Answers repeat it, in every chunk of a chat stream: a 1 MiB name made a 9 MiB answer.
 */
export const MAX_MODEL_LENGTH = 256;

export interface PeekedRequest {
  model: string;
  stream: boolean;
  /** The whole parsed body, for the fields each endpoint reads. */
  fields: Record<string, unknown>;
}

/** The body's model and stream flag, or the gateway's 400 when there is no model string to read (or one too long to echo). */
export function peekRequest(body: string | undefined): PeekedRequest | MockResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    return missingModel();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return missingModel();
  const fields = parsed as Record<string, unknown>;
  if (typeof fields.model !== 'string' || fields.model === '') return missingModel();
  if (fields.model.length > MAX_MODEL_LENGTH) return gatewayError(400, 'bad_request', `model must be at most ${MAX_MODEL_LENGTH} characters in the mock gateway`);
  return { model: fields.model, stream: fields.stream === true, fields };
}

/** Whether `peekRequest` refused the body. */
export const isAnswer = (read: PeekedRequest | MockResponse): read is MockResponse => 'status' in read;

/** A rough token count: the words of the text in `value` (strings, and the `content`/`text` of parts and messages), at least 1. */
export function countTokens(value: unknown): number {
  let words = 0;
  const visit = (item: unknown, depth: number): void => {
    if (depth > 32) return;
    if (typeof item === 'string') words += wordsIn(item);
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

/** Runs of non-whitespace, counted without splitting (a 1 MiB string would make half a million strings). */
function wordsIn(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || (code > 127 && SPACE.test(text[i]!));
    if (!space && !inWord) words += 1;
    inWord = !space;
  }
  return words;
}

const SPACE = /\s/;
