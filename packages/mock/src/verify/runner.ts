// Runs the scenario step for step on both sides: the mock first, then the target. Each side keeps
// what its answers taught it (ids, secrets) in its own context; a step that needs something its
// side never learnt is not run there. The target's creations go into the cleanup registry.
import { meansRevoked, createdId, type Registry } from './cleanup.js';
import type { SideContext } from './context.js';
import { observe, type Observation, type Propagation } from './observation.js';
import { pollUntilRejected } from './poll.js';
import { TargetUnreachable, type Side } from './side.js';
import { MissingValue, type Answer, type Part, type Step, type StepRequest } from './step.js';

/** How long the mock's gateway is polled, on its own clock, whatever `--propagation-timeout` says. */
const MOCK_POLL_LIMIT_MS = 600_000;

export interface Participant {
  side: Side;
  context: SideContext;
}

export interface RunOptions {
  steps: readonly Step[];
  /** Why a part is skipped (a missing credential, no --vine), for each part that is. */
  skipped: ReadonlyMap<Part, string>;
  mock: Participant;
  target: Participant;
  registry: Registry;
  propagationTimeoutMs: number;
  /** Aborted on the first Ctrl-C: requests in flight are cut, except a create's (its answer names what to revoke). */
  stop: AbortSignal;
  /** Aborted on a second Ctrl-C: everything is cut. */
  abort: AbortSignal;
  /** The target is being polled for a revocation to reach its gateway (real time: say so). */
  onWaiting?(step: Step, timeoutMs: number): void;
}

export type StepOutcome =
  | { kind: 'ran'; mock: Observation; target: Observation }
  | { kind: 'skipped'; reason: string }
  | { kind: 'not-run'; reason: string };

export interface RunResult {
  outcomes: Map<string, StepOutcome>;
  /** Set when the target stopped answering: the rest of the scenario was not run. */
  unreachable: string | null;
}

export async function runScenario(options: RunOptions): Promise<RunResult> {
  const outcomes = new Map<string, StepOutcome>();
  const answeredAt = { mock: new Map<string, number>(), target: new Map<string, number>() };
  let unreachable: string | null = null;
  for (const step of options.steps) {
    const skipped = options.skipped.get(step.part);
    let outcome: StepOutcome;
    if (skipped !== undefined) outcome = { kind: 'skipped', reason: skipped };
    else if (unreachable !== null) outcome = { kind: 'not-run', reason: 'the target stopped answering' };
    else if (options.stop.aborted) outcome = { kind: 'not-run', reason: 'the run was stopped' };
    else {
      const mock = await runOn(options.mock, step, answeredAt.mock, options);
      try {
        const target = await runOn(options.target, step, answeredAt.target, options);
        outcome = options.stop.aborted && target.kind === 'not-run' ? { kind: 'not-run', reason: 'the run was stopped' } : { kind: 'ran', mock, target };
      } catch (error) {
        if (!(error instanceof TargetUnreachable)) throw error;
        unreachable = error.message;
        outcome = { kind: 'not-run', reason: 'no answer from the target' };
      }
    }
    outcomes.set(step.id, outcome);
  }
  return { outcomes, unreachable };
}

async function runOn({ side, context }: Participant, step: Step, answeredAt: Map<string, number>, options: RunOptions): Promise<Observation> {
  let request: StepRequest;
  try {
    request = step.request(context);
  } catch (error) {
    if (error instanceof MissingValue) return { kind: 'not-run', reason: error.message };
    throw error;
  }
  const isTarget = side.name === 'target';
  // A create in flight finishes even when the run is stopped: its answer names what to revoke.
  const signal = step.creates ? options.abort : options.stop;
  let answer: Answer;
  let propagation: Propagation | null = null;
  try {
    if (step.pollUntilRejected) {
      const from = answeredAt.get(step.pollUntilRejected.from);
      if (from === undefined) return { kind: 'not-run', reason: `${step.pollUntilRejected.from} was not answered here` };
      if (isTarget) options.onWaiting?.(step, options.propagationTimeoutMs);
      // The mock's time costs nothing: it is never cut short by a timeout chosen for the target.
      const timeoutMs = isTarget ? options.propagationTimeoutMs : Math.max(options.propagationTimeoutMs, MOCK_POLL_LIMIT_MS);
      ({ answer, propagation } = await pollUntilRejected(side, request, from, timeoutMs, signal));
    } else answer = await side.send(request, signal);
  } catch (error) {
    if (isTarget && step.creates) options.registry.answerLost = true;
    if (signal.aborted) return { kind: 'not-run', reason: 'the run was stopped' };
    throw error;
  }
  answeredAt.set(step.id, side.now());
  if (isTarget) track(step, answer, context, options.registry);
  const observation = observe(step, request, answer, context, propagation);
  step.capture?.(answer, (name, value) => context.set(name, value), context);
  return observation;
}

/** The target's keys made or revoked by this answer. */
function track(step: Step, answer: Answer, context: SideContext, registry: Registry): void {
  if (step.creates && answer.status >= 200 && answer.status < 300) {
    const id = createdId(step.creates, answer.body);
    if (id !== undefined) registry.add(step.creates, id, step.id);
    else registry.answerLost = true; // made something whose id its answer does not say
  }
  if (step.revokes && meansRevoked(step.revokes.kind, answer.status)) {
    try {
      registry.markRevoked(step.revokes.kind, context.value(step.revokes.value));
    } catch (error) {
      if (!(error instanceof MissingValue)) throw error;
    }
  }
}
