// README "Installing" names the tarballs `npm run pack` writes: one per package, at the packages'
// version, @revokit/runtime's among them.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

it('names every tarball at the current version, runtime included', () => {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Installing'), readme.indexOf('## Using the SDKs'));
  const named = [...section.matchAll(/revokit-([a-z]+)-(\d+\.\d+\.\d+)\.tgz/g)].map(([, name, version]) => `${name}@${version}`);
  const expected = ['runtime', 'langwatch', 'vine', 'mock'].map((name) => `${name}@${(JSON.parse(read(`packages/${name}/package.json`)) as { version: string }).version}`);
  expect([...new Set(named)].sort()).toEqual(expected.sort());
});
