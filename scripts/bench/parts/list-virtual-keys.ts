// Listing 1,000 virtual keys (GET /api/gateway/v1/virtual-keys) in the LangWatch core, answer
// serialised as an adapter does, against JSON.stringify of the same array: the floor of that work.
// Runs in a child process so that its JIT state stays out of the other parts.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { figure, type BenchPart } from '../figure.ts';
import { builtCli } from '../support/build.ts';
import { output } from '../support/processes.ts';
import { median } from '../support/stats.ts';

const TARGET = 2;
const KEYS = 1000;

export const part: BenchPart = {
  name: 'list virtual keys',
  async run(context) {
    const lists = context.smoke ? 10 : 300;
    const rounds = context.smoke ? 1 : 9;
    builtCli(context.root); // the worker imports the built packages: refuse stale ones
    context.log(`${rounds} rounds of ${lists} lists of ${KEYS} keys each way, in one process`);
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const out = await output(process.execPath, [tsx, join(context.root, 'scripts/bench/workers/list-keys.ts'), String(KEYS), String(lists), String(rounds)], { cwd: context.root });
    const results = JSON.parse(out) as { ours: number[]; stringify: number[] };
    return [
      figure({
        id: 'core.list-1000-virtual-keys.vs-json-stringify',
        label: `list ${KEYS} virtual keys (core + JSON)`,
        value: median(results.ours),
        unit: 'µs/list',
        baseline: { label: 'JSON.stringify of the same array', value: median(results.stringify) },
        target: { op: '<=', ratio: TARGET },
        note: `LangWatchCore.handle + JSON.stringify of its body; median of ${rounds} rounds, alternating which goes first`,
      }),
    ];
  },
};
