// Each package ships the root's LICENSE (npm packs only files inside the package, so each keeps a copy).
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const packages = readdirSync(new URL('packages/', root));

it.each(packages)('packages/%s has the root LICENSE, unchanged', (name) => {
  expect(readFileSync(new URL(`packages/${name}/LICENSE`, root), 'utf8')).toBe(readFileSync(new URL('LICENSE', root), 'utf8'));
});
