// The recipe's own vitest config: several files, several workers, one mock server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../../vitest.config.ts';

export default defineConfig({
  resolve: base.resolve,
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['*.spec.ts'],
    globalSetup: ['global-setup.ts'],
    pool: 'threads',
    maxWorkers: 3,
    fileParallelism: true,
  },
});
