// Runs one step list against a target from a reset, the model alongside: after every request the
// reply must be what the model says, and at the end the journal must be the one the model kept,
// and no journal, log line or error body may show a credential.
import { inspect } from 'node:util';
import { expect } from 'vitest';
import { expectConformingBody } from '../../mock/support/spec-conformance.js';
import { iso } from './answer.js';
import { checkOutcome, leakFinders, type LeakFinders } from './check-reply.js';
import { MAX_BODY_BYTES, predictHttp, predictMsw, type ModelContext } from './predict.js';
import { modelRequestOf, wireRequestOf } from './requests.js';
import { countExpected } from './statistics.js';
import type { Create, Step } from './steps.js';
import { checkInventory } from './inventory.js';
import { MANAGE, seededBindings, type CreateInput, type Created, type FuzzTarget } from './target.js';
import { boundaries, credentialsOf, worldAt, type Family, type World } from './world.js';

/** Every run starts here (the clocks are frozen): far from the baseline's creation, on a round instant. */
export const T0 = Date.parse('2030-01-01T00:00:00.000Z');

export async function runSteps(target: FuzzTarget, steps: readonly Step[]): Promise<void> {
  await target.begin();
  await target.reset(T0);
  const context: ModelContext = { world: worldAt(target.baseline, target.settings, T0), transport: target.transport, known: new Map() };
  learn(context);
  for (const [index, step] of steps.entries()) {
    try {
      await runStep(target, context, step);
    } catch (error) {
      throw new Error(`${target.name}, step ${index + 1} of ${steps.length} (the steps after it did not run), ${JSON.stringify(step)}:\n${explain(error)}`);
    }
  }
  try {
    await checkJournal(target, context);
    await checkSideTexts(target, leakFinders(context.known));
  } catch (error) {
    throw new Error(`${target.name}, after ${steps.length} steps:\n${explain(error)}`);
  }
}

/** An assertion's message with what it compared (vitest's own diff is lost once the error is wrapped). */
function explain(error: unknown): string {
  const { message, actual, expected } = error as { message: string; actual?: unknown; expected?: unknown };
  if (actual === undefined && expected === undefined) return message;
  const show = (value: unknown) => inspect(value, { depth: 6, breakLength: Infinity }).slice(0, 1500);
  return `${message}\n  expected: ${show(expected)}\n  actual:   ${show(actual)}`;
}

/** The world's credentials join what the run knows (the leak checks look for all of them). */
function learn({ world, known }: ModelContext): void {
  const { langwatch, vine } = credentialsOf(world);
  for (const credential of langwatch) known.set(credential, 'langwatch');
  for (const credential of vine) known.set(credential, 'vine');
}

async function runStep(target: FuzzTarget, context: ModelContext, step: Step): Promise<void> {
  const { world } = context;
  switch (step.t) {
    case 'clock': {
      const points = boundaries(world);
      const to = points.length > 0 ? points[step.pick % points.length]! + step.delta : world.now + 1 + step.pick * 997;
      await target.clock(to, step.how, world.now);
      world.now = to;
      return;
    }
    case 'clockBad':
      return target.badClock(step.body, world.now);
    case 'reset':
      await target.reset(T0);
      context.world = worldAt(target.baseline, target.settings, T0);
      return;
    case 'create':
      return adopt(context, await target.create(createInput(world, step.create)), createInput(world, step.create));
    case 'createBad':
      return target.badCreate(step.bad);
    case 'fault': {
      await target.fault(step.op, step);
      const queue = world.faults.get(step.op) ?? [];
      queue.push({ ...(step.network ? { network: true as const } : { status: step.status! }), left: step.times });
      world.faults.set(step.op, queue);
      return;
    }
    case 'clearFaults':
      await target.clearFaults();
      world.faults.clear();
      return;
    case 'inspect':
      return checkInventory(world, await target.inventory());
    default: {
      const wire = wireRequestOf(world, step);
      const request = modelRequestOf(wire, target.transport, target.baseUrl(wire.plane));
      const bytes = wire.big?.bytes ?? Buffer.byteLength(wire.body ?? '');
      if (target.transport === 'msw' && bytes > MAX_BODY_BYTES) return; // the 1 MiB limit is the server's
      const expected = target.transport === 'http' ? predictHttp(context, request, bytes) : predictMsw(context, request);
      countExpected(expected);
      const outcome = await target.send(wire);
      try {
        checkOutcome(expected, outcome, target.transport, leakFinders(context.known));
      } catch (error) {
        const sent = `${wire.method} ${wire.target.slice(0, 300)} ${JSON.stringify(wire.headers).slice(0, 600)}${wire.body ? ` body ${wire.body.slice(0, 200)}` : ''}`;
        throw new Error(`${explain(error)}\nrequest: ${sent}\nreply: ${JSON.stringify(outcome).slice(0, 600)}`);
      }
    }
  }
}

const PERMISSIONS = { default: undefined, none: [], manage: [MANAGE], other: ['project:view'] } as const;

function createInput(world: World, create: Create): CreateInput {
  switch (create.what) {
    case 'project':
      return create;
    case 'vk':
      return { what: 'vk', projectId: create.project === 'default' ? undefined : world.projects[create.project % world.projects.length]!.id, environment: create.environment, name: create.name };
    case 'admin':
      return { what: 'admin', role: create.role, permissions: PERMISSIONS[create.permissions] && [...PERMISSIONS[create.permissions]!], ownerUserId: create.owner === 'new' ? undefined : (world.apiKeys[create.owner % world.apiKeys.length]!.owner ?? undefined) };
    case 'vine':
      return create;
    case 'credential':
      return { what: 'credential', projectId: create.project === 'default' ? undefined : world.projects[create.project % world.projects.length]!.id, disabled: create.disabled };
  }
}

/** A created entity must have the documented format and defaults, and credentials never seen before; then the model has it. */
function adopt(context: ModelContext, created: Created, input: CreateInput): void {
  const { world, known } = context;
  const fresh = (credential: string) => expect(known.has(credential), `a fresh credential, not ${credential}`).toBe(false);
  switch (created.what) {
    case 'project':
      expect(created).toMatchObject({ id: expect.stringMatching(/^project_[0-9A-Za-z]{21}$/), apiKey: expect.stringMatching(/^sk-lw-[0-9A-Za-z]{48}$/) });
      fresh(created.apiKey);
      world.projects.push({ id: created.id, apiKey: created.apiKey });
      // Every project starts with one provider credential.
      world.providerCredentials.push({ id: created.providerCredentialId, projectId: created.id, disabled: false });
      break;
    case 'credential': {
      const { projectId = world.projects[0]!.id, disabled } = input as Extract<CreateInput, { what: 'credential' }>;
      expect(created).toMatchObject({ projectId, disabledAt: disabled ? iso(world.now) : null });
      expect(world.providerCredentials.some((c) => c.id === created.id), 'a new provider credential id').toBe(false);
      world.providerCredentials.push({ id: created.id, projectId, disabled });
      break;
    }
    case 'vk': {
      const { projectId = world.projects[0]!.id, environment = 'live', name } = input as Extract<CreateInput, { what: 'vk' }>;
      // A seeded key's chain defaults to the project's first enabled provider credential.
      const chain = world.providerCredentials.filter((c) => c.projectId === projectId && !c.disabled).slice(0, 1).map((c) => c.id);
      expect(created.id).toMatch(/^vk_[A-Za-z0-9_-]{22}$/);
      expect(created.secret).toMatch(new RegExp(`^lw_vk_${environment}_[0-9A-HJKMNP-TV-Z]{26}$`));
      expect(created.view).toMatchObject({
        id: created.id,
        display_prefix: created.secret.slice(0, 18),
        environment,
        status: 'active',
        revision: '1',
        last_used_at: null,
        provider_credential_ids: chain,
        created_at: iso(world.now),
        ...(name === undefined ? {} : { name }),
      });
      expectConformingBody('postApiGatewayV1Virtual-keysByIdRevoke', 200, { virtual_key: created.view });
      fresh(created.secret);
      world.virtualKeys.push({
        id: created.id,
        projectId,
        name: String(created.view.name),
        description: null,
        environment,
        principalUserId: null,
        providerCredentialIds: chain,
        createdAt: world.now,
        secret: created.secret,
        previous: null,
        cachedPrevious: null,
        retired: [],
        rotations: [],
        revision: 1,
        revokedAt: null,
        lastUsedAt: null,
      });
      break;
    }
    case 'admin': {
      const { role = 'admin', permissions = [MANAGE], ownerUserId } = input as Extract<CreateInput, { what: 'admin' }>;
      expect(created.id).toMatch(/^[0-9A-Za-z]{21}$/);
      expect(created.token).toMatch(/^sk-lw-[0-9A-Za-z]{16}_[0-9A-Za-z]{48}$/);
      expect(created.role).toBe(role);
      if (ownerUserId !== undefined) expect(created.owner).toBe(ownerUserId);
      else expect(world.apiKeys.some((k) => k.owner === created.owner), 'a new key without owner gets a new user').toBe(false);
      fresh(created.token);
      world.apiKeys.push({
        id: created.id,
        token: created.token,
        name: 'Test API key',
        description: null,
        role,
        permissions: [...permissions],
        bindings: seededBindings(permissions, world.organizationId),
        owner: created.owner,
        createdAt: world.now,
        expiresAt: null,
        lastUsedAt: null,
        revokedAt: null,
      });
      break;
    }
    case 'vine': {
      const { env = 'test', name } = input as Extract<CreateInput, { what: 'vine' }>;
      expect(created.id).toMatch(/^c[0-9a-z]{24}$/);
      expect(created.plaintext).toMatch(new RegExp(`^vine_${env}_[0-9A-Za-z]+$`));
      expect(created.plaintext.startsWith(created.keyPrefix)).toBe(true);
      if (name !== undefined) expect(created.name).toBe(name);
      fresh(created.plaintext);
      world.vineKeys.push({ id: created.id, name: created.name, plaintext: created.plaintext, revokedAt: null });
      break;
    }
  }
  learn(context);
}

/** The journal is the model's: same requests, operations, statuses and instants, urls as sent; and no credential in any url. */
async function checkJournal(target: FuzzTarget, { world, known }: ModelContext): Promise<void> {
  const journal = await target.journal();
  const leaks = leakFinders(known);
  // The server's journal knows every credential of its world; an MSW mock's journal its own mock's.
  const scope = (family: Family) => (target.transport === 'http' ? 'both' : family);
  for (const family of ['langwatch', 'vine'] as const) {
    const actual = journal[family];
    const expected = world.journal[family];
    const shown = (entries: ReadonlyArray<{ method: string; operationId: string; status: number }>) => entries.map((e) => `${e.method} ${e.operationId} ${e.status}`).join(' | ');
    expect(actual.length, `${family} journal: expected ${shown(expected)}\ngot ${shown(actual)}`).toBe(expected.length);
    expected.forEach((entry, i) => {
      const got = actual[i]!;
      expect({ method: got.method, operationId: got.operationId, status: got.status, at: got.at }, `${family} journal entry ${i}`).toEqual({ method: entry.method, operationId: entry.operationId, status: entry.status, at: iso(entry.at) });
      if (entry.url !== undefined) expect(got.url, `${family} journal entry ${i}: the url as sent`).toBe(entry.url);
      const leaked = leaks[scope(family)](got.url);
      if (leaked) throw new Error(`credential ${leaked} in the ${family} journal: ${got.url.slice(0, 300)}`);
    });
  }
}

async function checkSideTexts(target: FuzzTarget, leaks: LeakFinders): Promise<void> {
  for (const { where, text } of await target.sideTexts()) {
    const leaked = leaks.both(text);
    if (leaked) throw new Error(`credential ${leaked} in the ${where}: ${text.slice(0, 300)}`);
  }
}
