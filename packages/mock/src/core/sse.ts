// Server-sent events as text, the one framing both adapters write: `event: <name>` (when named),
// a `data:` line per line of data, then a blank line.
import type { ServerSentEvent } from './transport.js';

export const EVENT_STREAM_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
};

export function formatEvent({ event, data }: ServerSentEvent): string {
  const lines = data.split(/\r\n|\r|\n/).map((line) => `data: ${line}`);
  return `${event === undefined ? '' : `event: ${event}\n`}${lines.join('\n')}\n\n`;
}
