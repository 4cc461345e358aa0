// The README's examples are run as tests; this keeps the README's copy identical to them.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

it('README shows readme-example.test.ts verbatim', () => {
  expect(read('../../README.md')).toContain(read('./readme-example.test.ts').trim());
});

it('README shows frozen-clock-example.test.ts verbatim', () => {
  expect(read('../../README.md')).toContain(read('./frozen-clock-example.test.ts').trim());
});
