// In-process mocking: sequential Vine SDK calls through msw's setupServer, our stateful
// handlers against one static MSW handler returning the same body. What our handlers add is
// the core's routing, state, journal and envelope on top of MSW's own interception. Runs in a
// child process so that its interceptors and JIT state stay out of the other parts.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { figure, type BenchPart } from '../figure.ts';
import { builtCli } from '../support/build.ts';
import { output } from '../support/processes.ts';
import { median } from '../support/stats.ts';

const TARGET = 1.15;

export const part: BenchPart = {
  name: 'in-process (msw)',
  async run(context) {
    const calls = context.smoke ? 50 : 2000;
    const rounds = context.smoke ? 1 : 7;
    builtCli(context.root); // the worker imports the built packages: refuse stale ones
    context.log(`${rounds} rounds of ${calls} sequential calls each way, in one process`);
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const out = await output(process.execPath, [tsx, join(context.root, 'scripts/bench/workers/msw-calls.ts'), String(calls), String(rounds)], { cwd: context.root });
    const results = JSON.parse(out) as { ours: number[]; static: number[] };
    return [
      figure({
        id: 'msw.vine-revoke.vs-static-handler',
        label: `msw: ${calls} SDK calls, Vine revoke`,
        value: median(results.ours),
        unit: 'µs/call',
        baseline: { label: 'one static MSW handler', value: median(results.static) },
        target: { op: '<=', ratio: TARGET },
        note: `setupServer, @revokit/vine client; median of ${rounds} rounds, alternating which goes first`,
      }),
    ];
  },
};
