// npm run bench:sdk [-- --smoke]: the SDK's bench parts alone (sdk-call, sdk-e2e, bundle),
// until the unified `npm run bench` runs them with the others. Prints each figure beside its
// baseline; exit status 1 when a part fails or, outside smoke mode, a target is missed.
import { fileURLToPath } from 'node:url';
import type { BenchPart, Figure } from '../figure.ts';
import { part as bundle } from './bundle.ts';
import { part as sdkCall } from './sdk-call.ts';
import { part as sdkE2e } from './sdk-e2e.ts';

const smoke = process.argv.includes('--smoke');
const root = fileURLToPath(new URL('../../../', import.meta.url));
let failed = false;
const figures: Figure[] = [];
for (const part of [sdkCall, sdkE2e, bundle] satisfies BenchPart[]) {
  console.error(`▶ ${part.name}`);
  try {
    figures.push(...(await part.run({ smoke, root, log: (line) => console.error(`  [${part.name}] ${line}`) })));
  } catch (error) {
    failed = true;
    console.error(`  [${part.name}] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const number = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
for (const f of figures) {
  const verdict = f.pass === undefined ? '' : f.pass ? '  ok' : '  MISSED';
  const target = f.target ? ` (target ${f.target.op} ${f.target.ratio}x)` : '';
  console.log(`${f.label}: ${number(f.value)} ${f.unit} vs ${f.baseline.label} ${number(f.baseline.value)} = ${f.ratio.toFixed(3)}x${target}${verdict}`);
}
const missed = figures.filter((f) => f.pass === false);
if (failed || (!smoke && missed.length > 0)) process.exitCode = 1;
