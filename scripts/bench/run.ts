// npm run bench [-- --smoke] [-- --only <part>[,<part>…]]
// Runs every part in turn (a part that throws is recorded and the rest still run), prints one
// table of figures beside the baselines measured in the same run, writes bench/results.json,
// then sets the exit status: 1 when a part failed or, outside smoke mode, a target was missed.
// --smoke (or BENCH_SMOKE=1): a few seconds per part, to keep the bench working in CI.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchContext, BenchPart, Figure } from './figure.ts';
import { part as bundle } from './parts/bundle.ts';
import { part as coldStart } from './parts/cold-start.ts';
import { part as generate } from './parts/generate.ts';
import { part as journalRead } from './parts/journal-read.ts';
import { part as listVirtualKeys } from './parts/list-virtual-keys.ts';
import { part as mswInProcess } from './parts/msw-in-process.ts';
import { part as sdkCall } from './parts/sdk-call.ts';
import { part as sdkE2e } from './parts/sdk-e2e.ts';
import { part as serverThroughput } from './parts/server-throughput.ts';
import { stopAll } from './support/processes.ts';
import { formatReport, type PartRecord } from './support/table.ts';
import { verdict } from './support/verdict.ts';

const PARTS: BenchPart[] = [serverThroughput, journalRead, coldStart, mswInProcess, listVirtualKeys, sdkCall, sdkE2e, bundle, generate];

const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, only: { type: 'string' } } });
const smoke = values.smoke || process.env.BENCH_SMOKE === '1';
const only = values.only?.split(',').map((name) => name.trim());
const root = fileURLToPath(new URL('../../', import.meta.url));
const selected = only ? PARTS.filter((p) => only.some((name) => p.name.includes(name))) : PARTS;
if (selected.length === 0) {
  console.error(`bench: --only ${values.only} matches no part; parts: ${PARTS.map((p) => p.name).join(', ')}`);
  process.exit(2);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopAll().finally(() => process.exit(130)));
}

const started = new Date();
const load = loadavg();
const figures: Figure[] = [];
const parts: PartRecord[] = [];
console.error(`bench${smoke ? ' (smoke: figures only prove the bench runs)' : ''}: ${selected.map((p) => p.name).join(', ')}`);
for (const part of selected) {
  const context: BenchContext = { smoke, root, log: (line) => console.error(`  [${part.name}] ${line}`) };
  const since = performance.now();
  console.error(`▶ ${part.name}`);
  try {
    figures.push(...(await part.run(context)));
    parts.push({ name: part.name, ok: true, durationMs: performance.now() - since });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parts.push({ name: part.name, ok: false, durationMs: performance.now() - since, error: message });
    console.error(`  [${part.name}] FAILED: ${message}`);
  } finally {
    await stopAll(); // a failed part may leave servers behind
  }
}

const { missed, failed, ok } = verdict(smoke, parts, figures);
const results = {
  startedAt: started.toISOString(),
  finishedAt: new Date().toISOString(),
  smoke,
  machine: { node: process.version, platform: process.platform, arch: process.arch, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadavgAtStart: load, loadavgAtEnd: loadavg() },
  parts,
  figures,
  targetsMissed: missed.map((f) => f.id),
  ok,
};
mkdirSync(`${root}bench`, { recursive: true });
writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);

console.log(`\n${formatReport(figures, parts)}\n`);
const summary = [`${figures.length} figures`, `${missed.length} targets missed`, `${failed.length} parts failed`].join(', ');
console.log(`${summary}${smoke && missed.length > 0 ? ' (smoke mode: missed targets do not fail the run)' : ''}; wrote bench/results.json`);
process.exitCode = ok ? 0 : 1;
