// The browser end-to-end test (headless Chromium + MSW setupWorker): `npm run test:browser`.
// Kept out of `npm test` because it needs a Chromium binary.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    // Bundling, browser start-up and service-worker registration take a few seconds.
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
