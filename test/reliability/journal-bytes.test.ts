// Finding 9 of issue 17: a journal was bounded in entries, not in bytes: 15 kB URLs cost 15–18 MB
// per session per product, about 8 GB across 256 sessions, filled by unauthenticated requests.
// Each entry now keeps at most MAX_URL characters of its URL (redacted first, then cut, and marked
// as cut), on the server and in the in-process mocks alike.
import { describe, expect, it } from 'vitest';
import { createVineCore } from '@revokit/mock/core/index';
import { useServer } from '../server/support/server.js';

const MAX_URL = 512;
const LONG_ID = 'x'.repeat(15_000);

describe('journal entries are bounded in bytes (finding 9)', () => {
  const api = useServer();

  it('a 15 kB URL is kept cut, marked with its length, its credentials redacted before the cut', async () => {
    const { project } = api.server.credentials;
    const url = `/api/v1/keys/${project.apiKey}:${LONG_ID}/revoke?q=1`;
    expect((await api.post(url)).status).toBe(404);
    const [entry] = (await api.get('/__mock/requests')).body.vine as Array<{ url: string }>;
    expect(entry!.url.length).toBeLessThanOrEqual(MAX_URL + 40);
    expect(entry!.url).toMatch(/^\/api\/v1\/keys\/\[redacted\]:xxxx/);
    expect(entry!.url.endsWith(`…[cut: ${url.length} characters]`)).toBe(true);
  });

  it('a full journal of long URLs holds at most MAX_URL characters per entry', async () => {
    for (let i = 0; i < 1_000; i++) await api.post(`/api/v1/keys/${i}-${LONG_ID}/revoke`);
    const journal = (await api.get('/__mock/requests')).body.vine as Array<{ url: string }>;
    expect(journal).toHaveLength(1_000);
    const total = journal.reduce((sum, entry) => sum + entry.url.length, 0);
    expect(total).toBeLessThanOrEqual(1_000 * (MAX_URL + 40));
  }, 60_000);

  it('the in-process mocks bound it the same way', () => {
    const vine = createVineCore();
    const url = `/api/v1/keys/${LONG_ID}/revoke`;
    vine.handle({ method: 'POST', url, path: url, headers: {} });
    expect(vine.requests[0]!.url).toBe(`${url.slice(0, MAX_URL)}…[cut: ${url.length} characters]`);
  });

  it('a short URL is kept whole', () => {
    const vine = createVineCore();
    const url = `/api/v1/keys/${'k'.repeat(MAX_URL - 20)}/revoke`;
    expect(url.length).toBe(MAX_URL);
    vine.handle({ method: 'POST', url, path: url, headers: {} });
    expect(vine.requests[0]!.url).toBe(url);
  });
});
