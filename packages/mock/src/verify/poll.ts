// The propagation step: the same request again until the answer is not 200. On the target that
// is real time; on the mock each wait moves its clock, so the same schedule crosses its 60 s at once.
import type { Propagation } from './observation.js';
import type { Side } from './side.js';
import type { Answer, StepRequest } from './step.js';

/** Tries are close at first (a fast target shows its real delay), then once a second. */
export const pollDelay = (elapsedMs: number): number => (elapsedMs < 5_000 ? 250 : 1_000);

export async function pollUntilRejected(side: Side, request: StepRequest, startedAt: number, timeoutMs: number, signal: AbortSignal): Promise<{ answer: Answer; propagation: Propagation }> {
  for (let attempts = 1; ; attempts++) {
    const answer = await side.send(request, signal);
    const elapsedMs = side.now() - startedAt;
    if (answer.status !== 200) return { answer, propagation: { elapsedMs, attempts, rejected: true } };
    if (elapsedMs >= timeoutMs) return { answer, propagation: { elapsedMs, attempts, rejected: false } };
    await side.sleep(Math.min(pollDelay(elapsedMs), timeoutMs - elapsedMs), signal);
  }
}
