// The mock's layers, as docs/architecture.md draws them: arrows point one way and there is no
// import circle (type-only imports included). Read from the sources, so a stray import fails here.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../packages/mock/src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** file (relative to src) → the files it imports (relative to src). */
const graph = new Map(
  sources(src).map((file) => {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:import|export)[^'"]*?from\s+'(\.[^']+)'/g)].map((match) =>
      relative(src, resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts'))),
    );
    return [relative(src, file), targets] as const;
  }),
);

/** Which layer a file belongs to; lower layers may not import higher ones. */
const layerOf = (file: string): number => {
  if (file.startsWith('core/')) return 0;
  if (file.startsWith('families/')) return 1;
  if (file.startsWith('msw/')) return 2;
  return 3; // server/, server.ts, cli/, cli.ts, index.ts
};

describe('layers of @revokit/mock', () => {
  it('reads a real graph (guards against a vacuous pass)', () => {
    expect(graph.size).toBeGreaterThan(40);
    expect(graph.get('server.ts')).toContain('server/world/world.ts');
  });

  it('imports point down: core ← families ← adapters, and the core never imports node:http or msw', () => {
    const upward = [...graph].flatMap(([file, targets]) => targets.filter((target) => layerOf(target) > layerOf(file) || (layerOf(file) === 2 && layerOf(target) === 3)).map((target) => `${file} → ${target}`));
    expect(upward).toEqual([]);
    const platformInCore = [...graph.keys()].filter((file) => file.startsWith('core/') && /from\s+'(msw[^']*|node:[^']+)'/.test(readFileSync(join(src, file), 'utf8')));
    expect(platformInCore).toEqual([]);
  });

  it('has no import circle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') return void cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      state.set(file, 'visiting');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
