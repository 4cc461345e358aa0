import { describe, expect, it } from 'vitest';
import { createPlanContext, planPath } from '../context.js';
import { MADE_UP } from './helpers.js';
import { scenario } from './index.js';

const plan = createPlanContext('revokit-verify-T');
const requests = scenario.map((step) => ({ step, request: step.request(plan) }));

describe('the scenario', () => {
  it('has unique step ids, each prefixed by its part', () => {
    expect(new Set(scenario.map((step) => step.id)).size).toBe(scenario.length);
    const prefixes = { 'virtual-keys': /^(vk|gateway)\./, admin: /^admin\./, vine: /^vine\./ };
    expect(scenario.filter((step) => !prefixes[step.part].test(step.id)).map((step) => step.id)).toEqual([]);
  });

  it('touches only what it created: every write names a key this run learnt of, an id no one has, or creates', () => {
    const madeUpIds: string[] = [MADE_UP.virtualKeyId, MADE_UP.apiKeyId, MADE_UP.vineKeyId];
    const unsafe = requests.filter(({ step, request }) => {
      if (request.method === 'GET') return false;
      const path = planPath(request.path);
      const namesOwn = /\{(vk|admin|vine)\.id\}/.test(path);
      const namesNobody = madeUpIds.some((id) => path.includes(id));
      const isCreate = step.creates !== undefined && /\/(virtual-keys|api-keys|keys)$/.test(path);
      const isDetect = path === '/api/v1/detect';
      return !(namesOwn || namesNobody || isCreate || isDetect);
    });
    expect(unsafe.map(({ step }) => step.id)).toEqual([]);
  });

  it('every POST to a collection is marked as creating something, so its answer is cleaned up', () => {
    const unmarked = requests.filter(({ step, request }) => request.method === 'POST' && /\/(virtual-keys|api-keys|keys)$/.test(request.path) && step.creates === undefined);
    expect(unmarked.map(({ step }) => step.id)).toEqual([]);
  });

  it('names what it creates after the run, so that a lost answer can still be found', () => {
    const names = requests.filter(({ step }) => step.creates).map(({ request }) => (request.body as { name?: string }).name);
    expect(names.filter((name) => name !== undefined && name !== '' && !name.startsWith('revokit-verify-T'))).toEqual([]);
  });

  it('sends credentials only in headers, never in a path or body', () => {
    const leaks = requests.filter(({ request }) => /\$LANGWATCH_(API_KEY|ADMIN_API_KEY)|\{(vk\.secret|vk\.previousSecret|admin\.token|vine\.plaintext)\}/.test(request.path + JSON.stringify(request.body ?? null)));
    expect(leaks.map(({ step }) => step.id)).toEqual([]);
  });

  it('measures propagation once, right after the revoke', () => {
    const polling = scenario.filter((step) => step.pollUntilRejected);
    expect(polling.map((step) => step.id)).toEqual(['gateway.propagation']);
    expect(scenario[scenario.indexOf(polling[0]!) - 1]!.id).toBe(polling[0]!.pollUntilRejected!.from);
  });
});
