// Which packages the pending changesets (.changeset/*.md, not yet consumed by `changeset version`)
// name, read from each file's front matter: `"@revokit/langwatch": minor`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function packagesInChangeset(text: string): string[] {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return [...frontMatter.matchAll(/^\s*["']?([^"':\s]+)["']?\s*:\s*(major|minor|patch)\s*$/gm)].map((match) => match[1]!);
}

export function pendingChangesets(root: string): Map<string, string[]> {
  const dir = join(root, '.changeset');
  const named = new Map<string, string[]>();
  if (!existsSync(dir)) return named;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
    for (const pkg of packagesInChangeset(readFileSync(join(dir, file), 'utf8'))) named.set(pkg, [...(named.get(pkg) ?? []), file]);
  }
  return named;
}

export interface ApiState {
  name: string;
  /** The report as committed, and as the build emits it now. */
  committed: string | undefined;
  current: string;
  releasedHash: string | undefined;
}

/** One sentence per rule broken: a stale report, or an API that moved since its release without a changeset. */
export function apiProblems(states: readonly ApiState[], changesets: ReadonlyMap<string, readonly string[]>, hashOf: (body: string) => string): string[] {
  const problems: string[] = [];
  for (const { name, committed, current, releasedHash } of states) {
    if (committed !== current) problems.push(`${name}: the committed API report is not what the build emits: run \`npm run api\` and commit it`);
    if (releasedHash === undefined) problems.push(`${name}: the API report names no released API: run \`npm run api -- --mark-released\` once`);
    else if (hashOf(current) !== releasedHash && !changesets.has(name)) {
      problems.push(`${name}: its public API changed since the last release and no changeset names it: run \`npx changeset\` and describe the change`);
    }
  }
  return problems;
}
