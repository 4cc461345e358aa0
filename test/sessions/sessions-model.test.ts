// Random operations of N sessions, interleaved, against one server, each session checked after
// every step against its own small reference model (our rules, not the mock's code). A session
// that saw another's clock jump, fault, reset or revocation disagrees with its model.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMockServer } from '@revokit/mock/server';
import { send } from '../server/support/server.js';

const SESSIONS = 4;
const server = createMockServer({ clock: 'frozen' });
let url = '';
beforeAll(async () => {
  url = await server.listen({ port: 0 });
});
afterAll(() => server.close());

/** What one session should look like, by the rules: nothing here reads the mock. */
interface Model {
  now: number;
  revision: number;
  vkRevoked: boolean;
  memberRevoked: boolean;
  vineRevokedAt: number | null;
  faults: number;
}

type Op =
  | { kind: 'advance'; ms: number }
  | { kind: 'rotate' }
  | { kind: 'revoke' }
  | { kind: 'adminRevoke' }
  | { kind: 'vineRevoke' }
  | { kind: 'fault' }
  | { kind: 'reset' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 86_400_000 }) }),
  fc.constantFrom<Op>({ kind: 'rotate' }, { kind: 'revoke' }, { kind: 'adminRevoke' }, { kind: 'vineRevoke' }, { kind: 'fault' }, { kind: 'reset' }),
);

const json = { 'content-type': 'application/json' };

async function runStep(session: string, model: Model, step: Op): Promise<void> {
  const at = (path: string) => `/__session/${session}${path}`;
  const creds = (await send(url, 'GET', at('/__mock/credentials'))).body;
  const project = { 'x-auth-token': creds.project.api_key };
  const vk = creds.demo.virtual_key.id;
  switch (step.kind) {
    case 'advance': {
      const clock = await send(url, 'POST', at('/__mock/clock'), { headers: json, body: JSON.stringify({ advance_ms: step.ms }) });
      model.now += step.ms;
      expect(Date.parse(clock.body.now)).toBe(model.now);
      return;
    }
    case 'rotate': {
      const reply = await send(url, 'POST', at(`/api/gateway/v1/virtual-keys/${vk}/rotate`), { headers: project });
      if (model.vkRevoked) return void expect(reply.status).toBe(400);
      model.revision += 1;
      expect([reply.status, reply.body.virtual_key.revision]).toEqual([200, String(model.revision)]);
      return;
    }
    case 'revoke': {
      const reply = await send(url, 'POST', at(`/api/gateway/v1/virtual-keys/${vk}/revoke`), { headers: project });
      if (!model.vkRevoked) model.revision += 1;
      model.vkRevoked = true;
      expect([reply.status, reply.body.virtual_key.status, reply.body.virtual_key.revision]).toEqual([200, 'revoked', String(model.revision)]);
      return;
    }
    case 'adminRevoke': {
      const reply = await send(url, 'DELETE', at(`/api/api-keys/${creds.demo.member_api_key.id}`), { headers: { authorization: `Bearer ${creds.demo.admin_api_key.token}` } });
      expect(reply.status).toBe(model.memberRevoked ? 409 : 200);
      model.memberRevoked = true;
      return;
    }
    case 'vineRevoke': {
      const reply = await send(url, 'POST', at(`/api/v1/keys/${creds.demo.vine_key.id}/revoke`));
      if (model.faults > 0) {
        model.faults -= 1;
        return void expect(reply.status).toBe(503);
      }
      model.vineRevokedAt ??= model.now;
      expect([reply.status, Date.parse(reply.body.key.revokedAt)]).toEqual([200, model.vineRevokedAt]);
      return;
    }
    case 'fault': {
      const reply = await send(url, 'POST', at('/__mock/faults'), { headers: json, body: JSON.stringify({ operation_id: 'postApiV1KeysByIdRevoke', status: 503 }) });
      expect(reply.status).toBe(201);
      model.faults += 1;
      return;
    }
    case 'reset': {
      expect((await send(url, 'POST', at('/__mock/reset'))).status).toBe(204);
      Object.assign(model, await freshModel(session));
      return;
    }
  }
}

async function freshModel(session: string): Promise<Model> {
  const clock = (await send(url, 'GET', `/__session/${session}/__mock/clock`)).body;
  return { now: Date.parse(clock.now), revision: 1, vkRevoked: false, memberRevoked: false, vineRevokedAt: null, faults: 0 };
}

let run = 0;

it('N sessions interleaved, each agreeing with its own reference model after every step', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: SESSIONS - 1 }), op), { minLength: 10, maxLength: 60 }), async (steps) => {
      run += 1;
      const ids = Array.from({ length: SESSIONS }, (_, i) => `run${run}-s${i}`);
      const models = await Promise.all(ids.map(freshModel));
      for (const [index, step] of steps) await runStep(ids[index]!, models[index]!, step);
      for (const id of ids) await send(url, 'DELETE', `/__mock/sessions/${id}`);
    }),
    { numRuns: 25 },
  );
}, 120_000);
