import { describe, expect, it } from 'vitest';
import { tarballProblems } from './tarball-rules.ts';

const packageJson = {
  name: '@revokit/example',
  license: 'MIT',
  repository: { type: 'git', url: 'git+https://example.test/revokit.git', directory: 'packages/example' },
  engines: { node: '>=20.19' },
  exports: {
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './generated/*': { types: './dist/generated/*.d.ts', default: './dist/generated/*.js' },
    './package.json': './package.json',
  },
  bin: { example: './bin/example.js' },
  publishConfig: { access: 'public' },
};

const good = (): Record<string, string> => ({
  'package.json': JSON.stringify(packageJson),
  'README.md': '# example',
  LICENSE: 'MIT',
  'bin/example.js': "#!/usr/bin/env node\nimport '../dist/cli.js';\n",
  'dist/cli.js': 'console.log("a bundle")',
  'dist/index.js': "export * from './client.js';\nexport const lazy = () => import('./lazy.js');",
  'dist/index.d.ts': "export * from './client.js';",
  'dist/client.js': 'export const client = 1;',
  'dist/lazy.js': 'export const lazy = 1;',
  'dist/generated/operations.js': 'export const operations = [];',
});

const withPackageJson = (change: (pkg: Record<string, unknown>) => void) => {
  const pkg = structuredClone(packageJson) as Record<string, unknown>;
  change(pkg);
  return { ...good(), 'package.json': JSON.stringify(pkg) };
};

describe('tarballProblems', () => {
  it('accepts a package with everything in place', () => {
    expect(tarballProblems({ files: good() })).toEqual([]);
  });

  it('wants a README and a LICENSE', () => {
    const { 'README.md': _readme, LICENSE: _license, ...files } = good();
    expect(tarballProblems({ files })).toEqual(['no README.md', 'no LICENSE']);
  });

  it('wants engines, repository, public access and the package.json export', () => {
    expect(tarballProblems({ files: withPackageJson((pkg) => delete pkg.engines) })).toEqual(['no engines.node']);
    expect(tarballProblems({ files: withPackageJson((pkg) => delete (pkg.repository as Record<string, unknown>).directory) })).toEqual(['no repository { url, directory }']);
    expect(tarballProblems({ files: withPackageJson((pkg) => (pkg.publishConfig = {})) })).toEqual(['publishConfig.access is not "public"']);
    expect(tarballProblems({ files: withPackageJson((pkg) => delete (pkg.exports as Record<string, unknown>)['./package.json']) })).toEqual(['no "./package.json" export']);
  });

  it('refuses build caches', () => {
    expect(tarballProblems({ files: { ...good(), 'dist/.tsbuildinfo': '{}' } })).toEqual(['ships the build cache dist/.tsbuildinfo']);
  });

  it('accepts a source map only with its sources, shipped or inlined', () => {
    const map = (extra: object) => JSON.stringify({ version: 3, sources: ['../src/client.ts'], mappings: '', ...extra });
    const commented = 'export const client = 1;\n//# sourceMappingURL=client.js.map';
    expect(tarballProblems({ files: { ...good(), 'dist/client.js': commented, 'dist/client.js.map': map({}) } })).toEqual([
      'dist/client.js.map points at src/client.ts, which is not shipped',
    ]);
    expect(tarballProblems({ files: { ...good(), 'dist/client.js': commented, 'dist/client.js.map': map({}), 'src/client.ts': 'export const client = 1;' } })).toEqual([]);
    expect(tarballProblems({ files: { ...good(), 'dist/client.js': commented, 'dist/client.js.map': map({ sourcesContent: ['export const client = 1;'] }) } })).toEqual([]);
    expect(tarballProblems({ files: { ...good(), 'dist/client.js': commented } })).toEqual([
      'dist/client.js names the source map client.js.map, which is not shipped',
    ]);
  });

  it('refuses modules that no export or bin loads, such as an unbundled copy of a bundled CLI', () => {
    const files = {
      ...good(),
      'dist/cli/main.js': "import { x } from './args.js';",
      'dist/cli/args.js': 'export const x = 1;',
      'dist/types-only.js': '// erased at run time\nexport {};\n', // what tsc emits for a module of types: exempt
    };
    expect(tarballProblems({ files })).toEqual([
      'ships dist/cli/main.js, which no export or bin loads',
      'ships dist/cli/args.js, which no export or bin loads',
    ]);
  });
});
