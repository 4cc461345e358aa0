// Finding 2 of issue 17: what a request costs must not depend on how many worlds exist. Redaction
// asked every session's credentials about every 12-character window of a path, on every log line,
// every 404 and twice per journal entry read: with 256 sessions a 15 kB path blocked the server for
// about a second. Now one index answers for every world, and a journal entry is redacted once, when
// written. These tests count the questions asked of every credential source a server has (its
// worlds', its mocks', shared or not): as many with 256 sessions as with one, and none at all when a
// journal is read. `npm run bench` measures the throughput.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SecretSource } from '@revokit/mock/core/index';
import type { MockServer } from '@revokit/mock/server';
import { useServer } from '../server/support/server.js';
import { leaked } from './support/leaks.js';

const LONG = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(420); // 15,120 characters, no credential in them

/** Counts every question asked of any credential source of the server (a window, or a run of text): its sessions' worlds and mocks, its default mocks. */
function countLookups(server: MockServer) {
  const sessionWorlds = server.sessions.list().map((session) => server.sessions.peek(session.id)!);
  const sources = new Set<SecretSource>([
    ...sessionWorlds.flatMap((world) => [world.secrets, ...world.members.map((member) => member.mock.secrets)]),
    ...Object.values(server.mocks).map((mock) => mock.secrets),
  ]);
  let count = 0;
  const restore: Array<() => void> = [];
  for (const source of sources) {
    const { hasFragment, holdsPiece } = source;
    source.hasFragment = (key) => {
      count += 1;
      return hasFragment.call(source, key);
    };
    if (holdsPiece) {
      source.holdsPiece = (text, from, to) => {
        count += 1;
        return holdsPiece.call(source, text, from, to);
      };
    }
    restore.push(() => Object.assign(source, { hasFragment, holdsPiece }));
  }
  return { count: () => count, restore: () => restore.forEach((undo) => undo()) };
}

/** A server with `count` live sessions. */
function withSessions(count: number) {
  const api = useServer({ log: 'json' });
  beforeAll(async () => {
    for (let i = 0; i < count; i++) expect((await api.get('/__mock/clock', { 'x-revokit-session': `s-${i}` })).status).toBe(200);
    expect(api.server.sessions.size).toBe(count);
  }, 120_000);
  return api;
}

describe('redaction costs the same with 1 or 256 live sessions (finding 2)', () => {
  const one = withSessions(1);
  const many = withSessions(256);

  /** The questions one request asks of a server's credential sources. */
  const lookupsFor = async (api: typeof one, send: (api: typeof one) => Promise<unknown>) => {
    const lookups = countLookups(api.server);
    try {
      await send(api);
      return lookups.count();
    } finally {
      lookups.restore();
    }
  };

  it('a logged 404 with a 15 kB path, and a journaled one, to the default world', async () => {
    const unrouted = async (api: typeof one) => expect((await api.get(`/nope/${LONG}`)).status).toBe(404);
    const journaled = async (api: typeof one) => expect((await api.post(`/api/v1/keys/${LONG}/revoke`)).status).toBe(404);
    for (const send of [unrouted, journaled]) {
      const withOne = await lookupsFor(one, send);
      expect(withOne).toBeGreaterThan(0); // the windows of the path are looked up
      expect(await lookupsFor(many, send)).toBe(withOne);
    }
  });

  it('the same request in a session', async () => {
    const inSession = async (api: typeof one) => expect((await api.post(`/api/v1/keys/${LONG}/revoke`, undefined, { 'x-revokit-session': 's-0' })).status).toBe(404);
    expect(await lookupsFor(many, inSession)).toBe(await lookupsFor(one, inSession));
  });

  it('reading a journal asks nothing: entries were redacted when written', async () => {
    const { project } = many.server.credentials;
    expect((await many.post(`/api/v1/keys/${project.apiKey.slice(6)}/revoke`)).status).toBe(404);
    let text = '';
    const read = async (api: typeof one) => {
      const replies = [await api.get('/__mock/requests'), await api.get('/__mock/requests', { 'x-revokit-session': 's-0' })];
      expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
      text = replies[0]!.text;
    };
    expect(await lookupsFor(many, read)).toBe(0);
    expect(leaked(text, [project.apiKey])).toEqual([]);
  });
});
