// Reads a text/event-stream body into its events, and counts the network chunks it arrived in.
export interface ParsedEvent {
  event?: string;
  data: string;
}

export function parseEventStream(text: string): ParsedEvent[] {
  return text
    .split('\n\n')
    .filter((frame) => frame.trim() !== '')
    .map((frame) => {
      const lines = frame.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice('event: '.length);
      const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice('data: '.length)).join('\n');
      return event === undefined ? { data } : { event, data };
    });
}

/** The body as it arrived, chunk by chunk. */
export async function readChunks(response: Response): Promise<string[]> {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(decoder.decode(value));
  }
}
