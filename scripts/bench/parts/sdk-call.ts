// SDK cost per call without the network: one injected fetch answers every call with the same
// 200, so the figure is the clients' own work (building the request, the per-attempt deadline,
// reading and checking the body), against openapi-fetch alone given the same fetch. And the
// price of validation: the same call with the app's validators against without.
import createClient from 'openapi-fetch';
import { createLangWatchClient } from '@revokit/langwatch';
import { langwatchValidators } from '@revokit/langwatch/validators';
import { createVineClient } from '@revokit/vine';
import { vineValidators } from '@revokit/vine/validators';
import { figure, type BenchContext, type BenchPart, type Figure } from '../figure.ts';
import { interleave, type TimingPlan } from './sdk-timing.ts';

const BASE_URL = 'https://bench.test';
const PROJECT_KEY = 'sk-lw-BenchProjectKey0123456789abcdefghijklmnopqrstuv';
const VINE_KEY = 'vine_live_BenchVineKey0123456789abcdefghijklmnop';
const virtualKey = {
  id: 'vk_bench',
  display_prefix: 'lw_vk_live_ab12',
  name: 'bench',
  description: null,
  environment: 'live',
  status: 'revoked',
  principal_user_id: null,
  provider_credential_ids: ['pc_1'],
  revision: '2',
  last_used_at: null,
  created_at: '2030-01-01T00:00:00.000Z',
};
const vineKey = { id: 'key_bench', name: 'bench', keyPrefix: 'vine_live_ab', revokedAt: '2030-01-01T00:00:00.000Z' };

/** A fetch that answers every call at once with this body: a fresh Response each time, as a real fetch gives. */
const answering = (body: unknown) => {
  const text = JSON.stringify(body);
  return async () => new Response(text, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(text.length) } });
};

const plan = (smoke: boolean): TimingPlan =>
  smoke ? { rounds: 3, callsPerRound: 100, warmupCalls: 200, clock: 'cpu' } : { rounds: 31, callsPerRound: 500, warmupCalls: 3000, clock: 'cpu' };

async function langwatchFigures(context: BenchContext): Promise<Figure[]> {
  const fetch = answering({ virtual_key: virtualKey });
  const baseline = createClient<any>({ baseUrl: BASE_URL, fetch, headers: { 'X-Auth-Token': PROJECT_KEY } });
  const plain = createLangWatchClient({ baseUrl: BASE_URL, fetch, apiKey: PROJECT_KEY });
  const validating = createLangWatchClient({ baseUrl: BASE_URL, fetch, apiKey: PROJECT_KEY, validators: langwatchValidators });
  context.log('LangWatch virtualKeys.revoke: openapi-fetch alone, client, client with validators (interleaved, CPU time)');
  const times = await interleave(
    [
      { name: 'openapi-fetch', call: async () => (await baseline.POST('/api/gateway/v1/virtual-keys/{id}/revoke', { params: { path: { id: 'vk_bench' } } })).data },
      { name: 'client', call: () => plain.virtualKeys.revoke('vk_bench') },
      { name: 'validated', call: () => validating.virtualKeys.revoke('vk_bench') },
    ],
    plan(context.smoke),
  );
  return callFigures('langwatch-revoke', '@revokit/langwatch virtualKeys.revoke', times);
}

async function vineFigures(context: BenchContext): Promise<Figure[]> {
  const fetch = answering({ key: vineKey });
  const baseline = createClient<any>({ baseUrl: BASE_URL, fetch, headers: { Authorization: `Bearer ${VINE_KEY}` } });
  const plain = createVineClient({ baseUrl: BASE_URL, fetch, apiKey: VINE_KEY });
  const validating = createVineClient({ baseUrl: BASE_URL, fetch, apiKey: VINE_KEY, validators: vineValidators });
  context.log('Vine keys.revoke: openapi-fetch alone, client, client with validators (interleaved, CPU time)');
  const times = await interleave(
    [
      { name: 'openapi-fetch', call: async () => (await baseline.POST('/api/v1/keys/{id}/revoke', { params: { path: { id: 'key_bench' } } })).data },
      { name: 'client', call: () => plain.keys.revoke('key_bench') },
      { name: 'validated', call: () => validating.keys.revoke('key_bench') },
    ],
    plan(context.smoke),
  );
  return callFigures('vine-revoke', '@revokit/vine keys.revoke', times);
}

function callFigures(id: string, label: string, times: Map<string, number>): Figure[] {
  const client = times.get('client')!;
  return [
    figure({
      id: `sdk.call.${id}.vs-openapi-fetch`,
      label: `${label}, per call (injected fetch)`,
      value: client,
      unit: 'µs',
      baseline: { label: 'openapi-fetch alone, same fetch', value: times.get('openapi-fetch')! },
      target: { op: '<=', ratio: 1.1 },
      note: 'median of interleaved rounds, CPU time; the client passes fetch a URL and init, openapi-fetch builds a Request',
    }),
    figure({
      id: `sdk.call.${id}.validated`,
      label: `${label} with validators, per call`,
      value: times.get('validated')!,
      unit: 'µs',
      baseline: { label: 'the same client without validators', value: client },
      target: { op: '<=', ratio: 1.1 },
    }),
  ];
}

export const part: BenchPart = {
  name: 'sdk-call',
  async run(context) {
    return [...(await langwatchFigures(context)), ...(await vineFigures(context))];
  },
};
