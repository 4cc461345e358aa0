// The target: a live service (or another revokit-mock) over HTTP, in real time.
import { setTimeout as delay } from 'node:timers/promises';
import { TargetUnreachable, type Side } from './side.js';
import type { Answer, Plane, StepRequest } from './step.js';

/** Base URL of each plane; a plane without one is never asked (its part is skipped). */
export type PlaneUrls = Readonly<Partial<Record<Plane, string>>>;

export interface TargetOptions {
  urls: PlaneUrls;
  /** How long one request may take before the target counts as unreachable (default 30 s). */
  requestTimeoutMs?: number;
  userAgent: string;
}

/** `base` + `path`, keeping a path the base URL already has (`http://host/__session/w1`). */
export const joinUrl = (base: string, path: string): string => `${base.replace(/\/+$/, '')}${path}`;

export function createTargetSide({ urls, requestTimeoutMs = 30_000, userAgent }: TargetOptions): Side {
  return {
    name: 'target',
    async send(request: StepRequest, signal: AbortSignal): Promise<Answer> {
      const base = urls[request.plane];
      if (base === undefined) throw new Error(`no URL for the ${request.plane} plane`);
      const url = joinUrl(base, request.path);
      const headers: Record<string, string> = { accept: 'application/json', 'user-agent': userAgent, ...request.headers };
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, {
          method: request.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          redirect: 'manual',
          signal: AbortSignal.any([signal, AbortSignal.timeout(requestTimeoutMs)]),
        });
        text = await response.text();
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw new TargetUnreachable(`no answer to ${request.method} ${new URL(url).origin}${request.path}: ${reasonOf(error)}`);
      }
      let body: unknown;
      let json = false;
      try {
        body = text === '' ? undefined : JSON.parse(text);
        json = text !== '';
      } catch {
        body = undefined;
      }
      return { status: response.status, body, json, requestId: response.headers.get('x-request-id') ?? undefined };
    },
    now: () => performance.now(),
    sleep: (ms, signal) => delay(ms, undefined, { signal }),
  };
}

/** Why fetch failed, in a few words: undici puts the socket's error code under `cause`. */
export function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'timed out';
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

/** The first of `urls` that gives no HTTP answer, and why. Asked before the run, so that an unreachable target costs nothing. */
export async function firstUnreachable(urls: Iterable<string>, signal: AbortSignal, userAgent: string): Promise<{ url: string; reason: string } | undefined> {
  for (const url of urls) {
    const reason = await checkReachable(url, signal, userAgent);
    if (reason !== undefined) return { url, reason };
  }
  return undefined;
}

/** Any HTTP answer from `base` proves it reachable. */
async function checkReachable(base: string, signal: AbortSignal, userAgent: string, timeoutMs = 15_000): Promise<string | undefined> {
  try {
    const response = await fetch(base, { method: 'GET', headers: { 'user-agent': userAgent }, redirect: 'manual', signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) });
    await response.body?.cancel();
    return undefined;
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    return reasonOf(error);
  }
}
