// Cold start: from just before spawn() to the first answer. Ours as `npm start` runs it (demo
// entities included) until the first 200 from /__mock/health; `prism mock specs/vine.yaml`
// until its first answer of any kind; and, for scale, the bare node:http server (Node's own
// start-up is the floor). Interleaved, so all see the same machine; medians.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { figure, type BenchPart } from '../figure.ts';
import { builtCli } from '../support/build.ts';
import { firstAnswer, freePort, startNode } from '../support/processes.ts';
import { median } from '../support/stats.ts';
import { stopChild } from '../../support/stop-child.ts';

const TARGET = 0.1;

/** ms from spawn to the first answer `probe` accepts; the process is stopped afterwards. */
async function coldStart(args: (port: number) => string[], probe: (base: string, since: number) => Promise<number>): Promise<number> {
  const port = await freePort();
  const since = performance.now();
  const child = startNode(args(port));
  try {
    return await probe(`http://127.0.0.1:${port}`, since);
  } finally {
    await stopChild(child);
  }
}

export const part: BenchPart = {
  name: 'cold start',
  async run(context) {
    const cli = builtCli(context.root);
    const prismBin = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
    const spec = join(context.root, 'specs/vine.yaml');
    const bare = join(context.root, 'scripts/bench/bare-server.mjs');
    const runs = context.smoke ? { ours: 1, prism: 1 } : { ours: 7, prism: 5 };
    const ours: number[] = [];
    const prism: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < Math.max(runs.ours, runs.prism); i++) {
      if (i < runs.ours) {
        ours.push(await coldStart((port) => [cli, '--port', String(port), '--log', 'silent'], (base, since) => firstAnswer('GET', `${base}/__mock/health`, (s) => s === 200, since)));
        floor.push(await coldStart((port) => [bare, String(port)], (base, since) => firstAnswer('GET', base, (s) => s === 200, since)));
      }
      if (i < runs.prism) {
        prism.push(await coldStart((port) => [prismBin, 'mock', '--host', '127.0.0.1', '--port', String(port), spec], (base, since) => firstAnswer('POST', `${base}/api/v1/keys/key_x/revoke`, () => true, since)));
      }
      const ms = (values: number[], runsOf: number) => (i < runsOf ? `${values.at(-1)!.toFixed(0)} ms` : '-');
      context.log(`run ${i + 1}: revokit-mock ${ms(ours, runs.ours)}, bare node:http ${ms(floor, runs.ours)}, prism ${ms(prism, runs.prism)}`);
    }
    return [
      figure({
        id: 'server.cold-start.vs-prism',
        label: 'server: cold start to first answer',
        value: median(ours),
        unit: 'ms',
        baseline: { label: 'prism mock specs/vine.yaml', value: median(prism) },
        target: { op: '<=', ratio: TARGET },
        note: `medians of ${runs.ours} and ${runs.prism} runs; ours with the demo entities, as npm start runs it`,
      }),
      figure({
        id: 'server.cold-start.vs-bare',
        label: 'server: cold start to first answer',
        value: median(ours),
        unit: 'ms',
        baseline: { label: 'bare node:http', value: median(floor) },
        note: `medians of ${runs.ours} runs; no target: Node's own start-up is the floor`,
      }),
    ];
  },
};
