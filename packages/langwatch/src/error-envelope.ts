// Where a LangWatch error body keeps its code and message. Three shapes reach the client:
//   flat    {"error":"Conflict","message":"Unique constraint violated on projectId, name"}   most answers
//   nested  {"error":{"type":"bad_request","code":"validation_error","message":"…"}}         virtual-key create/update 400, get 404
//   flat with a path  {"error":"Unprocessable Entity","message":"Required","path":["name"]}  API-key create 422
// The nested 400's message is zod's issue list as a JSON string; the message read here names
// each field instead ("name: Required; provider_credential_ids: Required"). `body` keeps the original.
import { formatPath, type ReadErrorEnvelope } from '@revokit/runtime';

export const readLangWatchError: ReadErrorEnvelope = ({ error, message, path }) =>
  error !== null && typeof error === 'object'
    ? { code: error.code, message: issueList(error.message) ?? error.message }
    : { code: error, message: typeof message === 'string' ? at(path, message) : message };

/** "path: message; …" from a JSON issue list (zod's `ZodError.message`), or undefined for any other text. */
function issueList(text: unknown): string | undefined {
  if (typeof text !== 'string' || !text.startsWith('[')) return undefined;
  try {
    const issues: unknown = JSON.parse(text);
    if (Array.isArray(issues) && issues.length > 0 && issues.every((issue) => typeof issue?.message === 'string')) {
      return issues.map(({ path, message }) => at(path, message)).join('; ');
    }
  } catch {}
  return undefined;
}

/** The message, after the field it is about when the body names one (a path of strings and indexes). */
function at(path: unknown, message: string): string {
  const isPath = Array.isArray(path) && path.length > 0 && path.every((key) => typeof key === 'string' || typeof key === 'number');
  return isPath ? `${formatPath(path)}: ${message}` : message;
}
