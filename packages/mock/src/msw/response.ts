// A core's plain response as a Fetch Response: JSON, no body, raw text (an injected fault's), or
// server-sent events streamed one frame per chunk (so a client reading the stream sees each event
// as it would from the network).
import { HttpResponse } from 'msw';
import { EVENT_STREAM_HEADERS, formatEvent } from '../core/sse.js';
import type { MockResponse } from '../core/transport.js';

export function toFetchResponse({ status, headers, body, rawBody, events }: MockResponse): Response {
  if (events) {
    const encoder = new TextEncoder();
    const frames = events.map(formatEvent);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const frame = frames.shift();
        if (frame === undefined) controller.close();
        else controller.enqueue(encoder.encode(frame));
      },
    });
    return new HttpResponse(stream, { status, headers: { ...EVENT_STREAM_HEADERS, ...headers } });
  }
  if (rawBody !== undefined) {
    const textHeaders = new Headers(headers);
    if (!textHeaders.has('content-type')) textHeaders.set('content-type', 'text/plain; charset=utf-8');
    return new HttpResponse(rawBody, { status, headers: textHeaders });
  }
  return body === undefined ? new HttpResponse(null, { status, headers }) : HttpResponse.json(body, { status, headers });
}
