// What a published tarball must be (issue 9): the files a user needs and nothing a build left
// behind. Pure: takes the unpacked files, returns one sentence per problem.
import { posix } from 'node:path';

export interface UnpackedPackage {
  /** Path inside the package (no "package/" prefix) → text. */
  files: Record<string, string>;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function tarballProblems({ files }: UnpackedPackage): string[] {
  const pkg = JSON.parse(files['package.json'] ?? '{}') as Record<string, Json>;
  return [...metadataProblems(pkg, files), ...leftoverProblems(files), ...sourceMapProblems(files), ...unreachableModules(pkg, files)];
}

function metadataProblems(pkg: Record<string, Json>, files: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const required of ['README.md', 'LICENSE']) if (!(required in files)) problems.push(`no ${required}`);
  const get = (path: string): Json | undefined => path.split('.').reduce<Json | undefined>((value, key) => (value && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined), pkg);
  if (typeof get('engines.node') !== 'string') problems.push('no engines.node');
  if (typeof get('repository.url') !== 'string' || typeof get('repository.directory') !== 'string') problems.push('no repository { url, directory }');
  if (get('publishConfig.access') !== 'public') problems.push('publishConfig.access is not "public"');
  const exports = get('exports');
  if (!exports || typeof exports !== 'object' || Array.isArray(exports) || exports['./package.json'] !== './package.json') problems.push('no "./package.json" export');
  return problems;
}

function leftoverProblems(files: Record<string, string>): string[] {
  return Object.keys(files)
    .filter((path) => posix.basename(path).endsWith('.tsbuildinfo'))
    .map((path) => `ships the build cache ${path}`);
}

/** A map is fine if every source it names is shipped or inlined; a comment must name a shipped map. */
function sourceMapProblems(files: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith('.map')) {
      const map = JSON.parse(text) as { sources?: string[]; sourcesContent?: (string | null)[]; sourceRoot?: string };
      (map.sources ?? []).forEach((source, index) => {
        const shipped = posix.join(posix.dirname(path), map.sourceRoot ?? '', source);
        if (!(shipped in files) && typeof map.sourcesContent?.[index] !== 'string') problems.push(`${path} points at ${shipped}, which is not shipped`);
      });
    }
    const comment = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
    if (comment && !comment.startsWith('data:') && !(posix.join(posix.dirname(path), comment) in files)) {
      problems.push(`${path} names the source map ${comment}, which is not shipped`);
    }
  }
  return problems;
}

/**
 * Every shipped JavaScript module must be loadable through an export or a bin: anything else is
 * dead weight (e.g. a second copy of a bundled CLI). tsc's `export {};` for a types-only module
 * is exempt: its imports are erased, so nothing loads it, yet it costs nothing.
 */
function unreachableModules(pkg: Record<string, Json>, files: Record<string, string>): string[] {
  const modules = Object.keys(files).filter((path) => /\.[cm]?js$/.test(path) && !isTypesOnlyStub(files[path]!));
  const seen = new Set<string>();
  const queue = entryTargets(pkg).flatMap((target) => matchTarget(target, modules));
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const specifier of relativeImports(files[path] ?? '')) {
      const imported = posix.join(posix.dirname(path), specifier);
      if (imported in files) queue.push(imported);
    }
  }
  return modules.filter((path) => !seen.has(path)).map((path) => `ships ${path}, which no export or bin loads`);
}

function isTypesOnlyStub(code: string): boolean {
  return code.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '').trim() === 'export {};';
}

function entryTargets(pkg: Record<string, Json>): string[] {
  const leaves = (value: Json | undefined): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [];
  return [...leaves(pkg.exports), ...leaves(pkg.bin), ...leaves(pkg.main)].map((target) => posix.normalize(target));
}

/** An exports target, possibly a "*" pattern, against the shipped paths. */
function matchTarget(target: string, paths: string[]): string[] {
  if (!target.includes('*')) return paths.filter((path) => path === target);
  const [before, after] = target.split('*') as [string, string];
  return paths.filter((path) => path.startsWith(before) && path.endsWith(after) && path.length >= before.length + after.length);
}

function relativeImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.\.?\/[^"']+)["']/g)].map((match) => match[1]!);
}
