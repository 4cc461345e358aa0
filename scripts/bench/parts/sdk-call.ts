// SDK cost per call without the network: one injected fetch answers every call with the same
// 200, so the figure is the clients' own work (building the request, the per-attempt deadline,
// reading and checking the body), against openapi-fetch alone given the same fetch. And the
// price of validation: the same call with the app's validators against without.
import createClient from 'openapi-fetch';
import { createLangWatchClient } from '@revokit/langwatch';
import { langwatchValidators } from '@revokit/langwatch/validators';
import { createVineClient } from '@revokit/vine';
import { vineValidators } from '@revokit/vine/validators';
import { PROJECT_KEY, revokeBody } from '../../../packages/langwatch/src/testing/fixtures.ts';
import { VINE_KEY, revokeBody as vineRevokeBody } from '../../../packages/vine/src/testing/fixtures.ts';
import { figure, type BenchContext, type BenchPart, type Figure } from '../figure.ts';
import { interleave, type TimingPlan } from './sdk-timing.ts';

const BASE_URL = 'https://bench.test';

/** A fetch that answers every call at once with this body: a fresh Response each time, as a real fetch gives. */
const answering = (body: unknown) => {
  const text = JSON.stringify(body);
  return async () => new Response(text, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(text.length) } });
};

const plan = (smoke: boolean): TimingPlan =>
  smoke ? { rounds: 3, callsPerRound: 100, warmupCalls: 200 } : { rounds: 31, callsPerRound: 500, warmupCalls: 3000 };

interface Case {
  id: string;
  label: string;
  body: unknown;
  /** The same call three ways, all given `fetch`: openapi-fetch alone, the client, the client with validators. */
  calls(fetch: () => Promise<Response>): { baseline: () => Promise<unknown>; client: () => Promise<unknown>; validated: () => Promise<unknown> };
}

const cases: Case[] = [
  {
    id: 'langwatch-revoke',
    label: '@revokit/langwatch virtualKeys.revoke',
    body: revokeBody,
    calls(fetch) {
      const raw = createClient<any>({ baseUrl: BASE_URL, fetch, headers: { 'X-Auth-Token': PROJECT_KEY } });
      const plain = createLangWatchClient({ baseUrl: BASE_URL, fetch, apiKey: PROJECT_KEY });
      const validating = createLangWatchClient({ baseUrl: BASE_URL, fetch, apiKey: PROJECT_KEY, validators: langwatchValidators });
      return {
        baseline: async () => (await raw.POST('/api/gateway/v1/virtual-keys/{id}/revoke', { params: { path: { id: 'vk_1' } } })).data,
        client: () => plain.virtualKeys.revoke('vk_1'),
        validated: () => validating.virtualKeys.revoke('vk_1'),
      };
    },
  },
  {
    id: 'vine-revoke',
    label: '@revokit/vine keys.revoke',
    body: vineRevokeBody,
    calls(fetch) {
      const raw = createClient<any>({ baseUrl: BASE_URL, fetch, headers: { Authorization: `Bearer ${VINE_KEY}` } });
      const plain = createVineClient({ baseUrl: BASE_URL, fetch, apiKey: VINE_KEY });
      const validating = createVineClient({ baseUrl: BASE_URL, fetch, apiKey: VINE_KEY, validators: vineValidators });
      return {
        baseline: async () => (await raw.POST('/api/v1/keys/{id}/revoke', { params: { path: { id: 'key_1' } } })).data,
        client: () => plain.keys.revoke('key_1'),
        validated: () => validating.keys.revoke('key_1'),
      };
    },
  },
];

async function measureCase({ id, label, body, calls }: Case, context: BenchContext): Promise<Figure[]> {
  const { baseline, client, validated } = calls(answering(body));
  context.log(`${label}: openapi-fetch alone, client, client with validators (interleaved, CPU time)`);
  // No waiting on another process here: CPU time is the steadier clock.
  const { cpu: times } = await interleave(
    [
      { name: 'openapi-fetch', call: baseline },
      { name: 'client', call: client },
      { name: 'validated', call: validated },
    ],
    plan(context.smoke),
  );
  const clientTime = times.get('client')!;
  return [
    figure({
      id: `sdk.call.${id}.vs-openapi-fetch`,
      label: `${label}, per call (injected fetch)`,
      value: clientTime,
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
      baseline: { label: 'the same client without validators', value: clientTime },
      target: { op: '<=', ratio: 1.1 },
    }),
  ];
}

export const part: BenchPart = {
  name: 'sdk-call',
  async run(context) {
    const figures: Figure[] = [];
    for (const benchCase of cases) figures.push(...(await measureCase(benchCase, context)));
    return figures;
  },
};
