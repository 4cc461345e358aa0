// 1,000 requests at once on one entity, over real HTTP connections: the mock's rules hold
// exactly, as if the requests had come one after another.
import { Agent, request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { useServer } from '../server/support/server.js';

const api = useServer({ log: 'silent' });
const N = 1_000;
const agent = new Agent({ keepAlive: true, maxSockets: N });
afterAll(() => agent.destroy());

/** One request on the shared keep-alive pool; resolves with the status and the parsed body. */
function call(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, api.url);
    request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') }));
    })
      .on('error', reject)
      .end();
  });
}

describe(`${N} concurrent requests on one entity`, () => {
  it(`${N} rotations of one key: ${N} distinct secrets, revision +${N}, only the newest and the previous authenticate`, async () => {
    const { project, demo } = api.server.credentials;
    const { id, secret: original } = demo!.virtual_key;
    const auth = { 'x-auth-token': project.apiKey };
    const before = api.server.langwatch.snapshot().virtualKeys.get(id)!.revision;

    const rotations = await Promise.all(Array.from({ length: N }, () => call('POST', `/api/gateway/v1/virtual-keys/${id}/rotate`, auth)));
    expect(rotations.map((r) => r.status)).toEqual(Array(N).fill(200));
    const secrets = rotations.map((r) => r.body.secret as string);
    expect(new Set([original, ...secrets]).size).toBe(N + 1);
    const revisions = rotations.map((r) => Number(r.body.virtual_key.revision)).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: N }, (_, i) => before + i + 1));

    const byRevision = new Map(rotations.map((r) => [Number(r.body.virtual_key.revision), r.body.secret as string]));
    const newest = byRevision.get(before + N)!;
    const previous = byRevision.get(before + N - 1)!;
    const checks = await Promise.all([original, ...secrets].map(async (secret) => ({ secret, status: (await call('GET', '/v1/models', { authorization: `Bearer ${secret}` })).status })));
    const authenticated = checks.filter((check) => check.status === 200).map((check) => check.secret);
    expect(authenticated.sort()).toEqual([newest, previous].sort());
    expect(checks.filter((check) => check.status === 401)).toHaveLength(N - 1);
  });

  it(`${N} admin revokes of one target: one 200, ${N - 1} 409s`, async () => {
    const admin = api.server.credentials.demo!.admin_api_key.token;
    const target = (await call('POST', '/__mock/langwatch/api-keys')).body.id as string;
    const revokes = await Promise.all(Array.from({ length: N }, () => call('DELETE', `/api/api-keys/${target}`, { authorization: `Bearer ${admin}` })));
    const count = (status: number) => revokes.filter((r) => r.status === status).length;
    expect({ ok: count(200), conflict: count(409), other: N - count(200) - count(409) }).toEqual({ ok: 1, conflict: N - 1, other: 0 });
    expect(revokes.find((r) => r.status === 409)!.body).toEqual({ error: 'Conflict', message: 'API Key is already revoked' });
  });
});
