// The MSW handlers as a fuzz target: createLangWatchMock + createVineMock under setupServer, every
// request through fetch, clocks and resets through the mocks' own API, entities through `seed`.
// A last handler answers what ours leave alone, so that "passes through" is visible.
import { http, HttpResponse } from 'msw';
import { expect } from 'vitest';
import { createLangWatchMock, createVineMock, type LangWatchMock, type VineMock } from '@revokit/mock';
import type { WireRequest } from './requests.js';
import type { Plane } from './routes.js';
import { MANAGE, SEED_PLAN, seededBindings, type CreateInput, type Created, type FuzzTarget, type Outcome } from './target.js';
import type { BadClock, BadCreate } from './steps.js';
import type { Baseline, Settings } from './world.js';

export const UNCLAIMED_HEADER = 'x-fuzz-unclaimed';

/** Catches what no handler of ours claims (registered last; a RegExp, since a path pattern would throw on a malformed escape). */
export const unclaimedHandler = http.all(/.*/, () => new HttpResponse(null, { status: 204, headers: { [UNCLAIMED_HEADER]: '1' } }));

export interface MswMocks {
  langwatch: LangWatchMock;
  vine: VineMock;
  bases: Record<Plane, string>;
}

/** One LangWatch and one Vine mock on their own hosts, seeded with the plan and marked as the baseline. */
export function createMswMocks(settings: Settings, bases: Record<Plane, string>): MswMocks {
  const langwatch = createLangWatchMock({ ...settings, clock: 'frozen', baseUrl: bases.api, gatewayBaseUrl: bases.gateway });
  const vine = createVineMock({ clock: 'frozen', baseUrl: bases.vine });
  const acme = langwatch.seed.project();
  const plan = SEED_PLAN.langwatch;
  for (const { project, ...rest } of plan.virtual_keys) langwatch.seed.virtualKey({ ...rest, projectId: project ? acme.id : langwatch.defaultProject.id });
  for (const key of plan.api_keys) langwatch.seed.apiKey({ role: key.role, ...(key.permissions ? { permissions: [...key.permissions] } : {}), ownerUserId: key.owner_user_id });
  for (const key of SEED_PLAN.vine.keys) vine.seed.key({ ...key });
  langwatch.markBaseline();
  vine.markBaseline();
  return { langwatch, vine, bases };
}

export function mswTarget(name: string, settings: Settings, mocks: MswMocks): FuzzTarget {
  const { langwatch, vine, bases } = mocks;
  let requests = 0;
  const both = [langwatch, vine];
  const state = langwatch.snapshot();
  // What the seed plan made: ids, secrets and instants only the mock can tell; every rule about them is the model's.
  const baseline: Baseline = {
    organizationId: state.organizationId,
    projects: [...state.projects.values()].map((p) => ({ id: p.id, apiKey: p.apiKey })),
    providerCredentials: [...state.providerCredentials.values()].map((c) => ({ id: c.id, projectId: c.projectId, disabled: c.disabledAt !== null })),
    virtualKeys: [...state.virtualKeys.values()].map((k) => ({
      id: k.id,
      projectId: k.projectId,
      name: k.name,
      description: k.description,
      environment: k.environment,
      principalUserId: k.principalUserId,
      providerCredentialIds: [...k.providerCredentialIds],
      createdAt: k.createdAt,
      secret: k.secret,
    })),
    apiKeys: [...state.apiKeys.values()].map((k) => ({
      id: k.id,
      token: `sk-lw-${k.lookupId}_${k.secret}`,
      name: k.name,
      description: k.description,
      role: k.role,
      owner: k.ownerUserId,
      permissions: [...k.permissions],
      bindings: seededBindings(k.permissions, state.organizationId),
      createdAt: k.createdAt,
    })),
    vineKeys: [...vine.snapshot().keys.values()].map((k) => ({ id: k.id, name: k.name, plaintext: k.plaintext })),
  };

  return {
    transport: 'msw',
    name,
    settings,
    baseline,
    get requests() {
      return requests;
    },
    baseUrl: (plane) => bases[plane],
    async begin() {},
    async send(wire: WireRequest): Promise<Outcome> {
      requests += 1;
      const body = wire.big ? 'x'.repeat(wire.big.bytes) : wire.body;
      try {
        const response = await fetch(bases[wire.plane] + wire.target, { method: wire.method, headers: wire.headers, body: wire.method === 'GET' ? undefined : body });
        if (response.headers.get(UNCLAIMED_HEADER)) return { unclaimed: true };
        return { status: response.status, headers: Object.fromEntries(response.headers), text: await response.text() };
      } catch (error) {
        return { networkError: (error as Error).message };
      }
    },
    async reset(at) {
      for (const mock of both) {
        mock.reset();
        expect(mock.clock.frozen, 'a reset restores the frozen clock').toBe(true);
        expect(Math.abs(mock.clock.offsetMs), 'a reset sets the offset back to zero').toBeLessThan(60_000);
        mock.clock.set(at);
      }
      expect(langwatch.defaultProject.apiKey, 'the same credentials after a reset').toBe(baseline.projects[0]!.apiKey);
    },
    async clock(to, how, from) {
      for (const mock of both) {
        if (how === 'advance' && to >= from) mock.clock.advance(to - from);
        else mock.clock.set(to);
        expect(mock.clock.now()).toBe(to);
      }
    },
    async badClock(kind: BadClock) {
      const attempt = kind === 'negative' ? () => langwatch.clock.advance(-1) : kind === 'fraction' ? () => langwatch.clock.advance(Number.NaN) : () => langwatch.clock.set(Number.NaN);
      expect(attempt, `clock ${kind}`).toThrow(RangeError);
    },
    async create(input: CreateInput): Promise<Created> {
      switch (input.what) {
        case 'project': {
          const project = langwatch.seed.project();
          return { what: 'project', id: project.id, apiKey: project.apiKey, providerCredentialId: project.providerCredentialId };
        }
        case 'credential': {
          const credential = langwatch.seed.providerCredential(definedOnly({ projectId: input.projectId, disabled: input.disabled, slot: `slot-${langwatch.snapshot().providerCredentials.size}` }));
          return { what: 'credential', id: credential.id, projectId: credential.projectId, disabledAt: credential.disabledAt };
        }
        case 'vk': {
          const { virtual_key, secret } = langwatch.seed.virtualKey(definedOnly({ projectId: input.projectId, environment: input.environment, name: input.name }));
          return { what: 'vk', id: virtual_key.id, secret, view: virtual_key };
        }
        case 'admin': {
          const key = langwatch.seed.apiKey(definedOnly({ role: input.role, permissions: input.permissions, ownerUserId: input.ownerUserId }));
          return { what: 'admin', id: key.id, token: key.token, role: key.role, owner: key.ownerUserId };
        }
        case 'vine':
          return { what: 'vine', ...vine.seed.key(definedOnly({ env: input.env, name: input.name })) };
      }
    },
    async badCreate(kind: BadCreate) {
      const attempts: Record<BadCreate, () => unknown> = {
        vkEnvironment: () => langwatch.seed.virtualKey({ environment: 'prod' as 'live' }),
        vkProject: () => langwatch.seed.virtualKey({ projectId: 'project_nope' }),
        adminRole: () => langwatch.seed.apiKey({ role: 'owner' as 'admin' }),
        adminPermissions: () => langwatch.seed.apiKey({ permissions: MANAGE as unknown as string[] }),
        vineEnv: () => vine.seed.key({ env: 'prod' as 'live' }),
        unknownField: () => langwatch.seed.virtualKey({ nope: 1 } as object),
        notJson: () => vine.seed.key('{"name":' as never),
      };
      expect(attempts[kind], kind).toThrow(TypeError);
    },
    async fault(operationId, { status, network, times }) {
      const owner = operationId.startsWith('postApiV1') ? vine : langwatch;
      (owner.faults.next as (op: string, fault: object) => void)(operationId, network ? { networkError: true, times } : { status, times });
    },
    async clearFaults() {
      for (const mock of both) mock.faults.clear();
    },
    async journal() {
      const view = (entries: typeof langwatch.requests) => entries.map(({ method, url, operationId, status, at }) => ({ method, url, operationId, status, at }));
      return { langwatch: view(langwatch.requests), vine: view(vine.requests) };
    },
    async inventory() {
      const at = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      const { virtualKeys, apiKeys, providerCredentials } = langwatch.snapshot();
      return {
        virtualKeys: [...virtualKeys.values()].map((k) => ({
          id: k.id,
          name: k.name,
          description: k.description,
          providerCredentialIds: k.providerCredentialIds,
          secret: k.secret,
          previous: k.previous && { secret: k.previous.secret, until: at(k.previous.validUntil)! },
          revokedAt: at(k.revokedAt),
          revision: String(k.revision),
          lastUsedAt: at(k.lastUsedAt),
        })),
        apiKeys: [...apiKeys.values()].map((k) => ({
          id: k.id,
          token: `sk-lw-${k.lookupId}_${k.secret}`,
          name: k.name,
          description: k.description,
          role: k.role,
          permissions: k.permissions,
          bindings: k.bindings.map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId })),
          owner: k.ownerUserId,
          expiresAt: at(k.expiresAt),
          lastUsedAt: at(k.lastUsedAt),
          revokedAt: at(k.revokedAt),
        })),
        vineKeys: [...vine.snapshot().keys.values()].map((k) => ({ id: k.id, name: k.name, plaintext: k.plaintext, revokedAt: at(k.revokedAt) })),
        providerCredentials: [...providerCredentials.values()].map((c) => ({ id: c.id, projectId: c.projectId, disabledAt: at(c.disabledAt) })),
      };
    },
    async sideTexts() {
      return [];
    },
    async alive() {
      langwatch.reset();
      const response = await fetch(`${bases.gateway}/v1/models`, { headers: { authorization: `Bearer ${baseline.virtualKeys[0]!.secret}` } });
      expect(response.status, 'a valid request after the run').toBe(200);
    },
  };
}

const definedOnly = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
