// Interleaved timing for the SDK bench parts: every variant runs a batch of calls in each
// round, in rotating order, so machine noise (2 shared cores) hits all of them alike; the
// figure per variant is the median over rounds of its mean call time, on two clocks.
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
}

/**
 * Median microseconds per call, by variant name, on each clock. "wall": elapsed time, what a
 * caller waits, including another process (a server). "cpu": this process's CPU time (all its
 * threads, GC included), which other processes on the shared cores barely disturb.
 */
export interface Timings {
  wall: Map<string, number>;
  cpu: Map<string, number>;
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

export async function interleave(variants: readonly Variant[], plan: TimingPlan): Promise<Timings> {
  for (const variant of variants) for (let i = 0; i < plan.warmupCalls; i++) await variant.call();
  const samples = new Map(variants.map((variant) => [variant.name, { wall: [] as number[], cpu: [] as number[] }]));
  for (let round = 0; round < plan.rounds; round++) {
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(round + k) % variants.length]!;
      const wallStart = performance.now();
      const cpuStart = cpuNow();
      for (let i = 0; i < plan.callsPerRound; i++) await variant.call();
      const sample = samples.get(variant.name)!;
      sample.cpu.push((cpuNow() - cpuStart) / plan.callsPerRound);
      sample.wall.push(((performance.now() - wallStart) * 1000) / plan.callsPerRound);
    }
  }
  const byClock = (clock: keyof Timings) => new Map([...samples].map(([name, sample]) => [name, median(sample[clock])]));
  return { wall: byClock('wall'), cpu: byClock('cpu') };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
