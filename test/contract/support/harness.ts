// What every contract test file uses: the URLs from the global setup, a fetch that records
// Prism's verdicts (checked after each test), the control plane, and SDK clients wired to
// the proxies with response validation on.
import { afterEach, beforeEach, expect, inject } from 'vitest';
import { createLangWatchClient } from '@revokit/langwatch';
import { langwatchValidators } from '@revokit/langwatch/validators';
import { createVineClient } from '@revokit/vine';
import { vineValidators } from '@revokit/vine/validators';
import { readAllowedDivergences } from './divergences.js';
import { createRecordingFetch, unacceptable, type ViolationRecord } from './violations.js';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

export function useContract() {
  const env = inject('contract');
  const allowed = readAllowedDivergences();
  const recorder = createRecordingFetch();

  beforeEach(async () => {
    recorder.take();
    await control.reset();
  });
  afterEach(() => {
    const problems = recorder.take().flatMap((record) => unacceptable(record, allowed));
    expect(problems, 'Prism found the mock out of contract').toEqual([]);
  });

  /** Plain fetch through the recorder, JSON in and out. */
  async function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Reply> {
    const response = await recorder.fetch(url, {
      method: init.method ?? 'GET',
      headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  const post = (path: string, body?: unknown) => call(`${env.serverUrl}${path}`, { method: 'POST', body: body ?? {} });
  const created = async <T>(path: string, body?: unknown): Promise<T> => {
    const reply = await post(path, body);
    expect(reply.status, `${path}: ${JSON.stringify(reply.body)}`).toBe(201);
    return reply.body as T;
  };

  /** The server's control plane (direct, not through Prism: it is in no spec). */
  const control = {
    reset: async () => expect((await post('/__mock/reset')).status).toBe(204),
    clock: async (body: { advance_ms?: number; now?: string; frozen?: boolean }) => {
      const reply = await post('/__mock/clock', body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return reply.body as { now: string; offset_ms: number; frozen: boolean };
    },
    /** Freezes the clock and returns the frozen instant in epoch ms. */
    freeze: async () => Date.parse((await control.clock({ frozen: true })).now),
    fault: async (body: Record<string, unknown>) => {
      const reply = await post('/__mock/faults', body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    },
    project: () => created<{ id: string; api_key: string; provider_credential_id: string }>('/__mock/langwatch/projects'),
    virtualKey: (body: Record<string, unknown> = {}) => created<{ virtual_key: { id: string; revision: string }; secret: string }>('/__mock/langwatch/virtual-keys', body),
    apiKey: (body: Record<string, unknown> = {}) => created<{ id: string; token: string; owner_user_id: string }>('/__mock/langwatch/api-keys', body),
    vineKey: (body: Record<string, unknown> = {}) => created<{ key: { id: string; name: string; keyPrefix: string; plaintext: string } }>('/__mock/vine/keys', body),
  };

  /** The gateway data plane, on the server directly (no spec describes it). */
  const dataPlane = {
    models: (secret: string) => call(`${env.serverUrl}/v1/models`, { headers: { authorization: `Bearer ${secret}` } }),
    chat: (secret: string) =>
      call(`${env.serverUrl}/v1/chat/completions`, { method: 'POST', headers: { 'x-api-key': secret }, body: { model: 'openai/gpt-5-mini', messages: [{ role: 'user', content: 'hi' }] } }),
  };

  const clients = {
    langwatch: (keys: { apiKey?: string; adminApiKey?: string }, baseUrl = env.proxy.virtualKeys) =>
      createLangWatchClient({ ...keys, baseUrl, fetch: recorder.fetch, maxRetries: 0, validators: langwatchValidators }),
    /** The admin API lives in its own spec, so its calls go through that spec's proxy. */
    langwatchAdmin: (adminApiKey: string, baseUrl = env.proxy.apiKeys) =>
      createLangWatchClient({ adminApiKey, baseUrl, fetch: recorder.fetch, maxRetries: 0, validators: langwatchValidators }),
    vine: (baseUrl = env.proxy.vine) => createVineClient({ baseUrl, fetch: recorder.fetch, maxRetries: 0, validators: vineValidators }),
  };

  return {
    env,
    /** fetch through the recorder (Prism's verdicts are checked after the test). */
    fetch: recorder.fetch,
    call,
    control,
    dataPlane,
    clients,
    /** Records not yet checked, handed over (and so exempt from the after-test check). */
    takeRecords: (): ViolationRecord[] => recorder.take(),
    allowed,
  };
}
