// The property both fuzz suites assert: every generated run, on the configuration it picks, agrees
// with the model; then each target still answers, and the runs sent the volume promised.
import fc from 'fast-check';
import { expect } from 'vitest';
import { fuzzParameters } from './fuzz-seed.js';
import { runSteps } from './run.js';
import { takeStatistics } from './statistics.js';
import { runArbitrary } from './steps.js';
import type { FuzzTarget } from './target.js';

const MAX_STEPS = 160;

export async function assertModelAgreement(label: string, targets: Record<'A' | 'B', FuzzTarget>, options: { runs: number; minRequests: number }): Promise<void> {
  const transport = targets.A.transport;
  const { seed, path, replay } = fuzzParameters(label);
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(fc.constantFrom<'A' | 'B'>('A', 'B'), runArbitrary(transport, MAX_STEPS), (config, steps) => runSteps(targets[config], steps)),
    { seed, path, numRuns: Number(process.env.FUZZ_RUNS ?? options.runs) },
  );
  const requests = targets.A.requests + targets.B.requests;
  console.log(`${label}: ${requests} requests in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (process.env.FUZZ_STATS) console.log(takeStatistics());
  for (const target of Object.values(targets)) await target.alive();
  if (!replay) expect(requests, 'requests sent').toBeGreaterThanOrEqual(options.minRequests);
}
