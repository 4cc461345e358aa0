// Codegen wall time: our generator (what `npm run generate` runs: tsx scripts/generate.ts,
// types from openapi-typescript plus zod schemas and operation tables) against the
// openapi-typescript CLI alone turning the same three specs into types, one process each way.
// Both write into a scratch copy of specs/, never into the repository. No target: the issue
// asks for the figure only.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure, type BenchPart } from '../figure.ts';
import { timeNode } from '../support/processes.ts';
import { median } from '../support/stats.ts';
import { targets } from '../../codegen/targets.ts';

export const part: BenchPart = {
  name: 'generate',
  async run(context) {
    const require = createRequire(import.meta.url);
    const tsx = require.resolve('tsx/cli');
    const openapiTs = join(require.resolve('openapi-typescript/package.json'), '../bin/cli.js');
    const scratch = mkdtempSync(join(tmpdir(), 'revokit-bench-generate-'));
    try {
      cpSync(join(context.root, 'specs'), join(scratch, 'specs'), { recursive: true });
      // openapi-typescript takes several specs in one run through a Redocly config.
      const apis = targets.map((target, i) => `  api${i}:\n    root: ./${target.spec}\n    x-openapi-ts:\n      output: ./openapi-typescript/api${i}.ts\n`);
      writeFileSync(join(scratch, 'redocly.yaml'), `apis:\n${apis.join('')}`);

      const runs = context.smoke ? 1 : 5;
      const ours: number[] = [];
      const alone: number[] = [];
      for (let i = 0; i < runs; i++) {
        ours.push(await timeNode([tsx, join(context.root, 'scripts/generate.ts'), '--root', scratch]));
        alone.push(await timeNode([openapiTs, '--redocly', join(scratch, 'redocly.yaml')], { cwd: scratch }));
        context.log(`run ${i + 1}/${runs}: generate ${ours.at(-1)!.toFixed(0)} ms, openapi-typescript ${alone.at(-1)!.toFixed(0)} ms`);
      }
      return [
        figure({
          id: 'codegen.generate.vs-openapi-typescript',
          label: 'codegen: npm run generate',
          value: median(ours),
          unit: 'ms',
          baseline: { label: 'openapi-typescript CLI alone', value: median(alone) },
          note: `${targets.length} specs, median of ${runs} runs each; no target set (the issue asks for the figure only)`,
        }),
      ];
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};
