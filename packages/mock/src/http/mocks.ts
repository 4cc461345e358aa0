// The mocks one server serves: the LangWatch and Vine cores on one shared clock, with the
// demo and seed-file entities created and marked as the baseline that reset returns to.
// The core's own entry, not the package root, so that msw stays out of the server's import
// graph; naming it also makes tsc write core/ paths, not the root's, into mocks.d.ts.
import { createClock, createLangWatchCore, createVineCore, langWatchRoutes, vineRoutes, type ClockMode } from '../core/index.js';
import { seedDemo, type DemoCredentials } from './demo.js';
import { applySeedPlan, emptySeedPlan, type SeededEntities, type SeedPlan } from './seed-plan.js';

export interface ServedMocksOptions {
  graceMs?: number;
  propagationMs?: number;
  /** "frozen": time moves only through the control plane (default "system"). */
  clock?: ClockMode;
  /** Create the demo entities (default true). */
  demo?: boolean;
  seed?: SeedPlan;
  journalSize?: number;
}

export function createServedMocks(options: ServedMocksOptions = {}) {
  const clock = createClock(options.clock ?? 'system');
  const { graceMs, propagationMs, journalSize } = options;
  const langwatch = createLangWatchCore({ clock, graceMs, propagationMs, journalSize });
  const vine = createVineCore({ clock, journalSize });

  const demo: DemoCredentials | undefined = options.demo === false ? undefined : seedDemo(langwatch, vine);
  const seeded: SeededEntities = applySeedPlan({ langwatch, vine }, options.seed ?? emptySeedPlan());
  langwatch.markBaseline();
  vine.markBaseline();

  const owners = new Map<string, 'langwatch' | 'vine'>([
    ...langWatchRoutes.map((route) => [route.name, 'langwatch'] as const),
    ...vineRoutes.map((route) => [route.name, 'vine'] as const),
  ]);

  return {
    langwatch,
    vine,
    clock,
    /** What exists at startup (and again after every reset). */
    credentials: {
      project: { ...langwatch.defaultProject },
      demo,
      seeded,
    },
    /** Every operation name, in the order of the routes. */
    operationIds: [...owners.keys()],
    /** Which mock answers an operation, if it is one. */
    ownerOf: (operationId: string) => owners.get(operationId),
    /** Back to the startup state: same ids and credentials, clock offset zero, journals and faults cleared. */
    reset(): void {
      langwatch.reset();
      vine.reset();
    },
  };
}

export type ServedMocks = Pick<ReturnType<typeof createServedMocks>, 'langwatch' | 'vine'>;
export type MockSet = ReturnType<typeof createServedMocks>;
