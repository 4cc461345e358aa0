// npm run api: writes each package's public API report (packages/<name>/api-report.md) from the
// declarations the build emits.
//   --check           CI: fails when a report is stale, or when a package's API differs from its
//                     last released one and no pending changeset names the package
//   --mark-released   after `changeset version`: the current API becomes the released one
//   --no-build        use dist/ as it is
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGES } from '../consumer/pack.ts';
import { exec } from '../support/exec.ts';
import { apiProblems, pendingChangesets, type ApiState } from './changesets.ts';
import { typesEntries } from './entries.ts';
import { apiReport } from './report.ts';
import { formatReportFile, hashOf, parseReportFile } from './report-file.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = new Set(process.argv.slice(2));
const mode = args.has('--check') ? 'check' : args.has('--mark-released') ? 'mark-released' : 'write';

if (!args.has('--no-build')) {
  const build = await exec('npm', ['run', 'build'], { cwd: root });
  if (build.code !== 0) throw new Error(`npm run build failed:\n${build.output}`);
}

const states: ApiState[] = [];
for (const name of PACKAGES) {
  const dir = join(root, 'packages', name.replace('@revokit/', ''));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; exports?: Record<string, never> };
  const path = join(dir, 'api-report.md');
  const committed = existsSync(path) ? parseReportFile(readFileSync(path, 'utf8')) : undefined;
  const current = apiReport({ name, dir, entries: typesEntries(dir, pkg) });
  states.push({ name, committed: committed?.body, current, releasedHash: committed?.released?.hash });
  if (mode === 'check') continue;
  const released = mode === 'mark-released' ? { version: pkg.version, hash: hashOf(current) } : committed?.released;
  writeFileSync(path, formatReportFile(name, { released, body: current }));
  const moved = released && hashOf(current) !== released.hash ? ` (differs from ${released.version})` : '';
  console.log(`${mode === 'mark-released' ? 'released' : 'wrote'} ${join('packages', name.replace('@revokit/', ''), 'api-report.md')}${moved}`);
}

if (mode === 'check') {
  const problems = apiProblems(states, pendingChangesets(root), hashOf);
  for (const problem of problems) console.error(problem);
  console.log(problems.length === 0 ? `API reports: ${states.length} packages, up to date, every change since the last release has a changeset` : `API reports: ${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
