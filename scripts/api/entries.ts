// The declaration files a package's `exports` map points TypeScript at: one per subpath and
// condition (`./generated/*` patterns expanded against the files the build emitted).
import { readdirSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

type Json = string | null | Json[] | { [key: string]: Json };

export interface TypesEntry {
  /** The import specifier a user writes, e.g. "@revokit/mock/server". */
  specifier: string;
  /** Conditions on the way to the types, other than "types" and "default" (e.g. ["require"]). */
  conditions: string[];
  /** Path of the .d.ts inside the package, e.g. "dist/server.d.ts". */
  file: string;
}

export function typesEntries(packageDir: string, pkg: { name: string; exports?: Record<string, Json> }): TypesEntry[] {
  const entries: TypesEntry[] = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (subpath === './package.json') continue;
    for (const { conditions, file } of typesTargets(target, [])) {
      const specifier = posix.join(pkg.name, subpath);
      if (!subpath.includes('*')) {
        entries.push({ specifier, conditions, file: posix.normalize(file) });
        continue;
      }
      // A pattern: every emitted file it matches is an entry point of its own.
      const [before, after] = posix.normalize(file).split('*') as [string, string];
      for (const path of listFiles(packageDir)) {
        if (path.startsWith(before) && path.endsWith(after) && path.length > before.length + after.length) {
          const star = path.slice(before.length, path.length - after.length);
          entries.push({ specifier: specifier.replace('*', star), conditions, file: path });
        }
      }
    }
  }
  return entries.sort((a, b) => a.specifier.localeCompare(b.specifier) || a.conditions.join().localeCompare(b.conditions.join()));
}

/** Leaves reached through a "types" key, with the other conditions on the way. */
function typesTargets(value: Json, conditions: string[]): Array<{ conditions: string[]; file: string }> {
  if (value === null || typeof value === 'string' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    if (key === 'types') return typeof inner === 'string' ? [{ conditions, file: inner }] : typesTargets(inner, conditions);
    return typesTargets(inner, key === 'default' ? conditions : [...conditions, key]);
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((path) => !path.startsWith('node_modules/'))
    .sort();
}
