import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packages = fileURLToPath(new URL('./packages/', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, not the built dist/.
    alias: [
      { find: /^@revokit\/([a-z]+)$/, replacement: `${packages}$1/src/index.ts` },
      { find: /^@revokit\/([a-z]+)\/(.+)$/, replacement: `${packages}$1/src/$2.ts` },
    ],
  },
  test: {
    // Several suites spawn processes (tsx, the CLI, tsc); a loaded CI machine must not turn slowness into failures.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/contract/**', 'test/browser/**', '**/node_modules/**'],
  },
});
