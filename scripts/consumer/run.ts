// npm run test:consumer: the packages as users get them. Packs the four packages, checks each
// tarball, installs them into scratch projects outside the workspace (an ES-module and a CommonJS
// project with msw and vitest for the README suites, one with neither for the server and CLI) and
// uses them there, on this machine's Node with the workspace's versions of msw, vitest and
// TypeScript. KEEP_SCRATCH=1 keeps the scratch directory for a look afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSteps, printTally, type StepResult } from '../support/steps.ts';
import { runtimeChecks, typeChecks } from './checks.ts';
import { packWorkspace } from './pack.ts';
import { installedVersion } from './project.ts';
import { createConsumerProject, createServerOnlyProject, FORMATS, formatLabel } from './projects.ts';
import { tarballChecks } from './tarball-checks.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = await mkdtemp(join(tmpdir(), 'revokit-consumer-'));
const results: StepResult[] = [];
try {
  const packed = await packWorkspace(root, scratch);
  results.push(...(await tarballChecks(root, packed)));
  const pinned = async (name: string) => `${name}@${await installedVersion(root, name)}`;
  const tools = { msw: await pinned('msw'), vitest: await pinned('vitest'), typescript: await pinned('typescript'), typesNode: await pinned('@types/node') };
  const tarballs = packed.map((pkg) => pkg.tarball);
  const serverOnly = join(scratch, 'server-only');
  await createServerOnlyProject(root, serverOnly, tarballs, tools);
  for (const format of FORMATS) {
    const consumer = join(scratch, `consumer-${format}`);
    await createConsumerProject(root, consumer, tarballs, tools, format);
    const projects = { consumer, format, serverOnly };
    const steps = [...(await typeChecks(projects, process.env)), ...(await runtimeChecks(projects, process.env))];
    results.push(...steps.map((result) => ({ ...result, name: `${formatLabel(format)}: ${result.name}` })));
  }
} catch (error) {
  results.push({ name: 'setup', ok: false, detail: error instanceof Error ? error.stack ?? error.message : String(error) });
} finally {
  if (!process.env.KEEP_SCRATCH) await rm(scratch, { recursive: true, force: true });
  else console.log(`scratch kept: ${scratch}`);
}
printSteps(results);
printTally(results);
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
