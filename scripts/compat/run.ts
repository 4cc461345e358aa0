// npm run test:compat: the mock suites, the README examples and the consumer test on Node 20,
// 22 and 24, with msw 2 and vitest 4 everywhere and msw 3 with vitest 5 where their engines allow,
// each in an ES-module and a CommonJS project.
// It first checks the packed tarballs as test:consumer does (our rules, publint, attw), so CI
// needs only this one.
// Everything runs in a scratch directory (KEEP_SCRATCH=1 keeps it); Node binaries are cached
// in $REVOKIT_COMPAT_CACHE (default ~/.cache/revokit-compat). Exits 1 if any cell fails.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packWorkspace } from '../consumer/pack.ts';
import { installedVersion } from '../consumer/project.ts';
import { typeChecks } from '../consumer/checks.ts';
import type { ModuleFormat } from '../consumer/project.ts';
import { createConsumerProject, createServerOnlyProject, FORMATS, formatLabel } from '../consumer/projects.ts';
import { tarballChecks } from '../consumer/tarball-checks.ts';
import { printSteps, printTally, type StepResult } from '../support/steps.ts';
import { runCell } from './cell.ts';
import { cellPassed, formatMatrix, printCells, type Cell, type Matrix } from './matrix.ts';
import { nodeRuntime } from './node-binaries.ts';
import { engineMismatch, toolchains } from './toolchains.ts';

// Node 20 is this machine's. The others, and msw 3 and vitest 5 (toolchains.ts), are pinned, so
// that a release elsewhere cannot turn CI red on a change that did not touch them: bump them here.
const NODES = ['20', '22.23.3', '24.21.0'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = await mkdtemp(join(tmpdir(), 'revokit-compat-'));
try {
  const { matrix, tarballs } = await runAll();
  printSteps(tarballs);
  printCells(matrix);
  console.log(`\n${formatMatrix(matrix)}`);
  const outcomes = [...tarballs, ...matrix.cells.flat().filter((cell) => cell.kind === 'ran').map((cell) => ({ ok: cellPassed(cell) }))];
  printTally(outcomes);
  process.exitCode = outcomes.every((outcome) => outcome.ok) ? 0 : 1;
} catch (error) {
  console.error('compat setup failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  if (process.env.KEEP_SCRATCH) console.log(`scratch kept: ${scratch}`);
  else await rm(scratch, { recursive: true, force: true });
}

async function runAll(): Promise<{ matrix: Matrix; tarballs: StepResult[] }> {
  const log = (line: string) => console.log(`[compat] ${line}`);
  log('packing the four packages');
  await mkdir(join(scratch, 'tarballs'));
  const packed = await packWorkspace(root, join(scratch, 'tarballs'));
  const tarballs = packed.map((pkg) => pkg.tarball);
  const tarballResults = await tarballChecks(root, packed);
  const runtimes = [];
  for (const spec of NODES) {
    log(`Node ${spec}`);
    runtimes.push(await nodeRuntime(spec));
  }
  const chains = await toolchains(root);
  const serverOnly = join(scratch, 'server-only');
  log('installing the tarballs without msw');
  await createServerOnlyProject(root, serverOnly, tarballs, chains[0]!);
  const consumers: Array<{ consumer: string; format: ModuleFormat }> = [];
  const columns: string[] = [];
  for (const [index, chain] of chains.entries()) {
    for (const format of FORMATS) {
      const consumer = join(scratch, `consumer-${index}-${format}`);
      log(`installing the tarballs with ${chain.label}, ${formatLabel(format)}`);
      await createConsumerProject(root, consumer, tarballs, chain, format);
      consumers.push({ consumer, format });
      columns.push(`msw ${await installedVersion(consumer, 'msw')} · vitest ${await installedVersion(consumer, 'vitest')} · ${formatLabel(format)}`);
    }
  }
  // TypeScript's verdict does not depend on the Node running it: one row, on this machine's Node.
  const types: Cell[] = [];
  for (const [index, { consumer, format }] of consumers.entries()) {
    log(`type checks, ${columns[index]}`);
    types.push(await timed(() => typeChecks({ consumer, format, serverOnly }, process.env)));
  }
  const cells: Cell[][] = [types];
  for (const runtime of runtimes) {
    const row: Cell[] = [];
    for (const [index, { consumer, format }] of consumers.entries()) {
      const mismatch = await engineMismatch(consumer, runtime.version);
      if (mismatch) {
        row.push({ kind: 'skipped', reason: mismatch });
        continue;
      }
      log(`Node ${runtime.version}, ${columns[index]}`);
      row.push(await timed(() => runCell(runtime, { root, consumer, format, serverOnly, cellDir: join(scratch, 'cells', `${index}-node-${runtime.version}`) })));
    }
    cells.push(row);
  }
  return { matrix: { rows: ['tsc (any Node)', ...runtimes.map((runtime) => `Node ${runtime.version}`)], columns, cells }, tarballs: tarballResults };
}

async function timed(run: () => Promise<StepResult[]>): Promise<Cell> {
  const started = Date.now();
  const steps = await run();
  return { kind: 'ran', steps, seconds: Math.round((Date.now() - started) / 1000) };
}
