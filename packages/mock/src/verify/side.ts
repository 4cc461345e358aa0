// One of the two services a scenario runs against: the in-process reference mock, or the target
// over HTTP. Each has its own clock: the mock's is moved, the target's is real time.
import type { Answer, StepRequest } from './step.js';

export type SideName = 'mock' | 'target';

export interface Side {
  readonly name: SideName;
  /** Throws TargetUnreachable when no answer comes (a refused connection, a timeout). */
  send(request: StepRequest, signal: AbortSignal): Promise<Answer>;
  /** This side's time, in ms. */
  now(): number;
  /** Lets `ms` pass on this side's clock. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** No HTTP answer from the target: the scenario cannot go on (exit status 2). */
export class TargetUnreachable extends Error {
  override name = 'TargetUnreachable';
}
