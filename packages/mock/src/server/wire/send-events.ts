// Server-sent events onto a node:http response: the head at once, then one write per frame, so a
// client reading the stream gets each event as a frame of its own.
import type { ServerResponse } from 'node:http';
import { EVENT_STREAM_HEADERS, formatEvent } from '../../core/sse.js';
import type { ServerSentEvent } from '../../core/transport.js';
import { CORS_ALLOW_ORIGIN, CORS_EXPOSE_HEADERS } from './cors.js';
import type { ExtraHeaders } from './respond.js';

export function sendEvents(res: ServerResponse, status: number, events: ReadonlyArray<ServerSentEvent>, extra?: ExtraHeaders): void {
  const headers: Record<string, string> = {
    'access-control-allow-origin': CORS_ALLOW_ORIGIN,
    'access-control-expose-headers': CORS_EXPOSE_HEADERS,
    ...EVENT_STREAM_HEADERS,
  };
  for (const name in extra) {
    const lower = name.toLowerCase();
    // Framing stays ours, as for JSON answers.
    if (lower !== 'content-length' && lower !== 'content-type') headers[lower] = extra[name]!;
  }
  res.writeHead(status, headers);
  for (const event of events) res.write(formatEvent(event));
  res.end();
}
