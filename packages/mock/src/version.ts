// The version in @revokit/mock's package.json, read at run time: one level up from dist/*.js (and
// from the bundled dist/cli.js), two from src/*/… in the repository.
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function packageVersion(): string {
  if (cached !== undefined) return cached;
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@revokit/mock' && pkg.version) return (cached = pkg.version);
    } catch {
      // not there: try the next level
    }
  }
  return (cached = 'unknown');
}
