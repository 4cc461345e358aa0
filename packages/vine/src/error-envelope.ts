// Vine error bodies: { "error": { "code"?: "<code>", "message"?: "<text>" } }.
import type { ReadErrorEnvelope } from '@revokit/runtime';

export const readVineError: ReadErrorEnvelope = (body) => body.error;
