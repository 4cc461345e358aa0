import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { forMswMajor } from './msw-dialect.ts';

const readmeSuite = readFileSync(new URL('../../test/docs/readme-example.test.ts', import.meta.url), 'utf8');

it('leaves a suite as it is for msw 2 and renames the unhandled-request option for msw 3', () => {
  expect(forMswMajor(readmeSuite, 2)).toBe(readmeSuite);
  const msw3 = forMswMajor(readmeSuite, 3);
  expect(msw3).toContain("server.listen({ onUnhandledFrame: 'error' })");
  expect(msw3).not.toContain('onUnhandledRequest');
  // The one-line difference the README documents, and nothing else.
  const changed = msw3.split('\n').filter((line, index) => line !== readmeSuite.split('\n')[index]);
  expect(changed).toHaveLength(1);
});
