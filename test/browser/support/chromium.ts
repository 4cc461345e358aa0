// Launches Debian's system Chromium through playwright-core (which never downloads a browser).
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const chromiumInstalled = existsSync(CHROMIUM_PATH);

const ARGS = [
  '--headless',
  '--no-sandbox', // runs as root in containers
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // No phoning home: the sandbox has no network, and the test must not depend on one.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** `extraArgs`: more Chromium switches, e.g. `--host-resolver-rules=MAP attacker.test 127.0.0.1`. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<LaunchedChromium> {
  // A fresh profile per run: no service worker or cache survives from a previous run.
  // (Playwright takes the profile as launchPersistentContext's argument, not as --user-data-dir.)
  const profile = await mkdtemp(join(tmpdir(), 'revokit-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...ARGS, ...extraArgs],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
