// Interleaved timing for the SDK bench parts: every variant runs a batch of calls in each
// round, in rotating order, so machine noise (2 shared cores) hits all of them alike; the
// figure per variant is the median over rounds of its mean call time.
import { performance } from 'node:perf_hooks';

export interface Variant {
  name: string;
  call: () => Promise<unknown>;
}

export interface TimingPlan {
  rounds: number;
  callsPerRound: number;
  /** Calls of each variant before timing starts (JIT, connection pools). */
  warmupCalls: number;
  /**
   * "cpu": this process's CPU time (all its threads, GC included), which other processes on
   * the shared cores barely disturb; for work that never waits. "wall": elapsed time, for
   * work that waits on another process (a server).
   */
  clock: 'cpu' | 'wall';
}

const clocks = {
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  },
  wall: () => performance.now() * 1000,
};

/** Median microseconds per call, by variant name. */
export async function interleave(variants: readonly Variant[], plan: TimingPlan): Promise<Map<string, number>> {
  for (const variant of variants) for (let i = 0; i < plan.warmupCalls; i++) await variant.call();
  const now = clocks[plan.clock];
  const samples = new Map<string, number[]>(variants.map((variant) => [variant.name, []]));
  for (let round = 0; round < plan.rounds; round++) {
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(round + k) % variants.length]!;
      const start = now();
      for (let i = 0; i < plan.callsPerRound; i++) await variant.call();
      samples.get(variant.name)!.push((now() - start) / plan.callsPerRound);
    }
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
