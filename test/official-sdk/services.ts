// The calls the official LangWatch TypeScript SDK makes, written by us from reading its source at
// our specs' commit (langwatch/langwatch @ 3dca0f685f, typescript-sdk/src/client-sdk/services/
// virtual-keys/virtual-keys-api.service.ts and api-keys/api-keys-api.service.ts): base URL with
// trailing slashes cut, `Authorization: Bearer <key>` and `Content-Type: application/json` on every
// request (GETs and body-less POSTs too), ids through encodeURIComponent, bodies as
// JSON.stringify(input), no retry, no timeout; an answer that is not ok throws after reading JSON
// (else text); an ok one is read as JSON, and each method returns the field the SDK reads.

export interface SentRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export class OfficialSdkError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Failed to ${operation}: HTTP ${status}`);
  }
}

function transport(endpoint: string, apiKey: string, sent: SentRequest[]) {
  const base = endpoint.replace(/\/+$/, '');
  return async <T>(operation: string, path: string, init: { method?: string; body?: string } = {}): Promise<T> => {
    const headers = { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' };
    sent.push({ method: init.method ?? 'GET', path, headers, body: init.body });
    const response = await fetch(`${base}${path}`, { ...init, headers });
    if (!response.ok) {
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // the SDK falls back to the text
      }
      throw new OfficialSdkError(operation, response.status, body);
    }
    return (await response.json()) as T;
  };
}

type Json = Record<string, any>;

/** VirtualKeysApiService: list, get, create, update, rotate, revoke. */
export function virtualKeysService(endpoint: string, apiKey: string, sent: SentRequest[]) {
  const request = transport(endpoint, apiKey, sent);
  const path = (id: string, verb = '') => `/api/gateway/v1/virtual-keys/${encodeURIComponent(id)}${verb}`;
  return {
    list: async () => (await request<{ data: Json[] }>('list virtual keys', '/api/gateway/v1/virtual-keys')).data,
    get: async (id: string) => (await request<{ virtual_key: Json }>(`get virtual key "${id}"`, path(id))).virtual_key,
    create: (input: Json) => request<{ virtual_key: Json; secret: string }>('create virtual key', '/api/gateway/v1/virtual-keys', { method: 'POST', body: JSON.stringify(input) }),
    update: async (id: string, input: Json) => (await request<{ virtual_key: Json }>(`update virtual key "${id}"`, path(id), { method: 'PATCH', body: JSON.stringify(input) })).virtual_key,
    rotate: (id: string) => request<{ virtual_key: Json; secret: string }>(`rotate virtual key "${id}"`, path(id, '/rotate'), { method: 'POST' }),
    revoke: async (id: string) => (await request<{ virtual_key: Json }>(`revoke virtual key "${id}"`, path(id, '/revoke'), { method: 'POST' })).virtual_key,
  };
}

/** ApiKeysApiService: list, create, revoke. */
export function apiKeysService(endpoint: string, apiKey: string, sent: SentRequest[]) {
  const request = transport(endpoint, apiKey, sent);
  return {
    list: async () => (await request<{ data: Json[] }>('list API keys', '/api/api-keys')).data,
    create: (input: Json) => request<{ token: string; apiKey: { id: string; name: string; createdAt: string } }>('create API key', '/api/api-keys', { method: 'POST', body: JSON.stringify(input) }),
    revoke: (id: string) => request<{ success: boolean }>(`revoke API key "${id}"`, `/api/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  };
}
