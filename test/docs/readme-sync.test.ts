// The README's examples are run as tests; this keeps the README's copies identical to them.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** Every ```ts block of the README, de-indented (blocks inside list items are indented). */
function readmeCodeBlocks(): string[] {
  const blocks = [...read('../../README.md').matchAll(/^( *)```ts\n([\s\S]*?)^\1```/gm)];
  return blocks.map(([, indent, body]) =>
    body!.split('\n').map((line) => line.slice(indent!.length)).join('\n').trim(),
  );
}

it.each(['readme-example.test.ts', 'frozen-clock-example.test.ts', '../recipes/vitest-sessions/global-setup.ts', '../recipes/vitest-sessions/session.ts', '../recipes/vitest-sessions/rotate.spec.ts'])(
  'README shows %s verbatim',
  (file) => {
    expect(readmeCodeBlocks()).toContain(read(`./${file}`).trim());
  },
);

it('the unhandled-request guard listens exactly as the README suite does', () => {
  const listenCall = (file: string) => /server\.listen\(onUnhandled\('\w+'\)\)/.exec(read(`./${file}`))?.[0];
  expect(listenCall('unhandled-request.test.ts')).toBeDefined();
  expect(listenCall('unhandled-request.test.ts')).toBe(listenCall('readme-example.test.ts'));
});
