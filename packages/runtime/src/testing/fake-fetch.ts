// Test support (not built into dist/): a scripted fetch, so client tests control
// every response, failure and delay without a network.
import type { FetchLike } from '../options.js';

/** One scripted answer: a response, a rejection, a function of the request, or never answering. */
export type Reply = Response | Error | ((request: Request) => Response | Promise<Response>) | 'hang' | 'hang-ignoring-signal';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  /** The body as text; '' when there is none. */
  body: string;
}

export interface ScriptedFetch extends FetchLike {
  requests: RecordedRequest[];
}

/** Answers call n with replies[n]; the last reply repeats. Takes what fetch takes: a Request, or a URL and init. */
export function scriptedFetch(...replies: Reply[]): ScriptedFetch {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const record = { method: request.method, url: request.url, headers: new Headers(request.headers), body: '' };
    requests.push(record);
    record.body = await request.clone().text();
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)];
    if (reply === undefined) throw new Error('scriptedFetch: no reply scripted');
    if (reply instanceof Error) throw reply;
    if (reply === 'hang-ignoring-signal') return new Promise<Response>(() => {});
    if (reply === 'hang') {
      // Like a real fetch: pending until the signal aborts.
      const { signal } = request;
      return new Promise<Response>((_, reject) => {
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    }
    // A Response body can be read once: hand out a clone so a repeating reply works.
    return typeof reply === 'function' ? reply(request) : reply.clone();
  };
  return Object.assign(fetch, { requests });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain', ...headers } });
}

/** What undici's fetch rejects with when a connection cannot be made or breaks. */
export function fetchFailed(code: string, message = `connect ${code} 127.0.0.1:9`): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

/** What a browser's fetch rejects with: no detail at all. */
export function browserFetchFailed(): TypeError {
  return new TypeError('Failed to fetch');
}
