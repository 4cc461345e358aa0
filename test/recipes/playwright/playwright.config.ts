// Recipe: Playwright Test with one revokit-mock for the run and a session per test (fixtures.ts).
// Debian's Chromium, since npm cannot download browsers here.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.pw.ts',
  globalSetup: './global-setup.ts',
  workers: 4,
  fullyParallel: true,
  reporter: 'line',
  outputDir: join(tmpdir(), 'revokit-playwright-recipe'),
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
