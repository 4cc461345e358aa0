// LangWatch error bodies: { "error": "<code>", "message"?: "<text>" }.
import type { ReadErrorEnvelope } from '@revokit/runtime';

export const readLangWatchError: ReadErrorEnvelope = (body) => ({ code: body.error, message: body.message });
