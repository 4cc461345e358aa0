import { describe, expect, it } from 'vitest';
import { compareObservations, compareShapes } from './compare.js';
import { createSideContext } from './context.js';
import { explain } from './explain.js';
import { formatRules, secretShape } from './format-rules.js';
import { errorFields, observe, type Observation } from './observation.js';
import { shapeOf } from './shape.js';
import type { Answer, Step } from './step.js';

const bound = { boundMs: 60_000, slack: 0.1 };
const context = () => createSideContext('run', { projectKey: 'k', adminKey: 'a', providerCredentialId: 'pc' });
const answer = (status: number, body: unknown, requestId?: string): Answer => ({ status, body, json: body !== undefined, requestId });
const step = (extra: Partial<Step> = {}): Step => ({ id: 's', part: 'virtual-keys', title: 't', request: () => ({ method: 'GET', plane: 'api', path: '/' }), ...extra });
const seen = (s: Step, a: Answer, c = context()): Observation => observe(s, s.request(c), a, c);

describe('the comparison rules', () => {
  it('the same answer: no difference', () => {
    const body = { virtual_key: { id: 'vk_1', status: 'active' } };
    expect(compareObservations(seen(step(), answer(200, body)), seen(step(), answer(200, body)), bound)).toEqual([]);
  });

  it('statuses of different classes: only the status is reported', () => {
    const differences = compareObservations(seen(step(), answer(201, { a: 1 })), seen(step(), answer(500, { error: 'x' })), bound);
    expect(differences.map((d) => d.aspect)).toEqual(['status']);
  });

  it('two errors: the status, then each identifying field, flat or nested', () => {
    const mock = seen(step(), answer(401, { error: { type: 'virtual_key_revoked', code: 'virtual_key_revoked', message: 'virtual_key_revoked' } }));
    const target = seen(step(), answer(403, { error: { type: 'virtual_key_revoked', message: 'virtual_key_revoked' } }));
    expect(compareObservations(mock, target, bound).map((d) => [d.aspect, d.path, d.mock, d.target])).toEqual([
      ['status', null, 401, 403],
      ['error', 'error.code', 'virtual_key_revoked', null],
      ['fields', 'error.code', 'string', 'absent'],
    ]);
    expect(errorFields({ error: 'Unprocessable Entity', message: 'Required', path: ['name'] })).toEqual({ error: 'Unprocessable Entity', message: 'Required', path: '["name"]' });
  });

  it('shapes: a missing object is one difference, not one per field under it; types are compared per path', () => {
    const mock = { virtual_key: { id: 'x', description: null } };
    const target = { virtual_key: { id: 'x', description: 'd', config: { cache: { mode: 'respect' } } }, next_cursor: null };
    const differences = compareShapes(shapeOf(mock, 'full', context()), shapeOf(target, 'full', context()));
    expect(differences.map((d) => [d.aspect, d.path, d.mock, d.target])).toEqual([
      ['fields', 'next_cursor', 'absent', 'null'],
      ['fields', 'virtual_key.config', 'absent', 'object'],
      ['types', 'virtual_key.description', 'null', 'string'],
    ]);
  });

  it('a list: its top level and the item this side created, by id; other items are the service\'s business', () => {
    const c = context();
    c.set('vk.id', 'mine');
    const rule = { list: 'data', item: 'vk.id' } as const;
    const mock = shapeOf({ data: [{ id: 'mine', name: 'n' }] }, rule, c);
    const target = shapeOf({ data: [{ id: 'other', extra: 1 }, { id: 'mine', name: 'n' }], next_cursor: 'c' }, rule, c);
    expect(compareShapes(mock, target).map((d) => d.path)).toEqual(['next_cursor']);
    // An item missing on one side is a state fact ("listed"), not a heap of field differences.
    expect(compareShapes(mock, shapeOf({ data: [] }, rule, c))).toEqual([]);
  });

  it('formats: each side against the real rule; a failing secret is shown by its shape only', () => {
    const s = step({ formats: { secret: formatRules.virtualKeySecret, 'virtual_key.display_prefix': formatRules.displayPrefix } });
    const good = 'lw_vk_live_01J00000000000000000000000';
    const production = 'vk-lw-01J0000000000000000000000A';
    const mock = seen(s, answer(201, { secret: good, virtual_key: { display_prefix: good.slice(0, 18) } }));
    const target = seen(s, answer(201, { secret: production, virtual_key: { display_prefix: production.slice(0, 13) } }));
    const differences = compareObservations(mock, target, bound);
    expect(differences.map((d) => [d.aspect, d.path, d.target])).toEqual([
      ['format', 'secret', '32 characters, starting "vk-lw-"'],
      ['format', 'virtual_key.display_prefix', JSON.stringify(production.slice(0, 13))],
    ]);
    expect(JSON.stringify(differences)).not.toContain(production);
    expect(secretShape('sk-lw-AbCd_Ef')).toBe('13 characters, starting "sk-lw-"');
  });

  it('state facts and the request id\'s kind', () => {
    const s = step({ facts: (a) => ({ status: (a.body as { status: string }).status }) });
    const mock = seen(s, answer(200, { status: 'revoked' }, 'req_0123456789abcdef0123456789abcd'));
    const target = seen(s, answer(200, { status: 'active' }));
    expect(compareObservations(mock, target, bound).map((d) => [d.aspect, d.mock, d.target])).toEqual([
      ['state', 'revoked', 'active'],
      ['request-id', 'req_ + 30 hex', 'none'],
    ]);
  });

  it('propagation: within ~60 s is the same; past 66 s, or never, is a difference', () => {
    const s = step();
    const c = context();
    const timed = (elapsedMs: number, rejected = true) => observe(s, s.request(c), answer(401, {}), c, { elapsedMs, attempts: 3, rejected });
    expect(compareObservations(timed(60_000), timed(65_999), bound)).toEqual([]);
    expect(compareObservations(timed(60_000), timed(66_001), bound).map((d) => d.message)).toEqual([expect.stringMatching(/^the target took 66\.0 s/)]);
    expect(compareObservations(timed(60_000), timed(90_000, false), bound).map((d) => [d.aspect, d.target])).toEqual([['propagation', 'accepted after 90.0 s']]);
    // The last try was accepted: its status differs too, and the time is still reported.
    const accepted = observe(s, s.request(c), answer(200, {}), c, { elapsedMs: 90_000, attempts: 100, rejected: false });
    expect(compareObservations(timed(60_000), accepted, bound).map((d) => d.aspect)).toEqual(['status', 'propagation']);
  });

  it('a step not run on one side is no difference of its own (the step that failed earlier is)', () => {
    expect(compareObservations({ kind: 'not-run', reason: 'needs vk.id' }, seen(step(), answer(200, {})), bound)).toEqual([]);
  });
});

describe('known differences', () => {
  it('documents a mock-only X-Request-Id on the app API, and only there', () => {
    const difference = { aspect: 'request-id' as const, path: 'X-Request-Id', mock: 'req_ + 30 hex', target: 'none', message: '' };
    expect(explain('vk.get', 'api', difference).documented?.id).toBe('app-api-request-id');
    expect(explain('gateway.call', 'gateway', difference).documented).toBeNull();
    expect(explain('vk.get', 'api', { ...difference, target: 'other' }).documented).toBeNull();
  });

  it('names the option that models production\'s 403, which stays drift', () => {
    const difference = { aspect: 'status' as const, path: null, mock: 401, target: 403, message: '' };
    const explained = explain('gateway.revoked-secret', 'gateway', difference);
    expect(explained.documented).toBeNull();
    expect(explained.modelledBy?.option).toBe('--revoked-status 403');
    expect(explain('vk.get', 'api', difference).modelledBy).toBeNull();
  });
});
