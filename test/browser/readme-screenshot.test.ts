// The README's picture of the dashboard (docs/dashboard.png), taken as a person would make it:
// keys with realistic names (a seed file), a rotation, a day, a revocation and its propagation,
// in the default view. Written to artifacts/ui/readme-dashboard.png on every run;
// REVOKIT_UPDATE_SCREENSHOT=1 npm run test:browser -- readme-screenshot also writes docs/dashboard.png.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildCli, startCli, type RunningCli } from './support/bundled-cli.js';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium, type LaunchedChromium } from './support/chromium.js';

const skip = !chromiumInstalled && !process.env.CI;
const ARTIFACT = fileURLToPath(new URL('../../artifacts/ui/readme-dashboard.png', import.meta.url));
const README_PICTURE = fileURLToPath(new URL('../../docs/dashboard.png', import.meta.url));

const SEED = {
  langwatch: {
    projects: [{ ref: 'shop' }],
    virtual_keys: [
      { project: 'shop', name: 'checkout-service', description: 'Payments flow, production' },
      { project: 'shop', name: 'support-assistant', environment: 'live' },
      { project: 'shop', name: 'nightly-evals', environment: 'test' },
    ],
    api_keys: [
      { role: 'admin', owner_user_id: 'user_platform_team' },
      { role: 'member', owner_user_id: 'user_ci_pipeline' },
    ],
  },
  vine: { keys: [{ name: 'studio-crawler', env: 'live' }] },
};

describe.skipIf(skip)('the README picture of the dashboard', () => {
  let cli: RunningCli;
  let chromium: LaunchedChromium;
  let page: Page;

  beforeAll(async () => {
    if (!chromiumInstalled) throw new Error(`${CHROMIUM_PATH} is missing; CI must install it (apt-get install -y chromium)`);
    rebuildCli();
    const seed = join(mkdtempSync(join(tmpdir(), 'revokit-picture-')), 'seed.json');
    writeFileSync(seed, JSON.stringify(SEED));
    cli = await startCli(['--clock', 'frozen', '--no-demo', '--seed', seed]);
    chromium = await launchChromium();
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  afterAll(async () => {
    await chromium?.close();
    await cli?.stop();
  });

  it('shows a rotation, a day, a revocation and its propagation, each readable, in the default view', async () => {
    await page.goto(`${cli.banner.url}/__mock/ui`);
    const row = (name: string) => page.locator('li.key-row', { has: page.getByRole('heading', { name, exact: true }) });
    const checkout = row('checkout-service');
    await checkout.waitFor();
    const results = () => page.locator('.results li').count();
    const step = async (act: () => Promise<void>) => {
      const before = await results();
      await act();
      await expect.poll(results, { timeout: 10_000 }).toBeGreaterThan(before);
    };
    await step(() => checkout.getByRole('button', { name: 'Rotate', exact: true }).click());
    await step(() => page.getByRole('group', { name: 'Advance the clock' }).getByRole('button', { name: '+1 min' }).click());
    await step(() => row('nightly-evals').getByRole('button', { name: 'Rotate', exact: true }).click());
    await step(() => page.getByRole('group', { name: 'Advance the clock' }).getByRole('button', { name: '+24 h' }).click());
    await step(() => checkout.getByRole('button', { name: 'Revoke', exact: true }).click());
    await step(() => row('role member, owner user_ci_pipeline').getByRole('button', { name: 'Revoke' }).click());
    await step(() => page.getByRole('group', { name: 'Advance the clock' }).getByRole('button', { name: '+1 min' }).click());
    await step(() => checkout.getByRole('button', { name: 'Try secret at gateway' }).click());
    await expect.poll(() => checkout.locator('.badge').textContent(), { timeout: 10_000 }).toBe('revoked');

    // The default view: the quiet day is shortened and marked; the propagation minute is wide.
    expect(await page.getByLabel('Show').inputValue()).toBe('fit');
    await expect.poll(() => page.locator('.axis-gap').allTextContents(), { timeout: 10_000 }).toEqual([expect.stringMatching(/^≈ 23 h 59 min|^≈ 1 d/)]);
    const propagating = await checkout.locator('.band-propagating').boundingBox();
    const bar = await checkout.locator('.bar').boundingBox();
    expect(propagating!.width / bar!.width).toBeGreaterThan(0.2);

    // Clock, results and the virtual keys: the story the README's caption tells.
    const bottom = await page.locator('section.keys ul.rows').first().evaluate((rows) => rows.getBoundingClientRect().bottom + window.scrollY);
    mkdirSync(join(ARTIFACT, '..'), { recursive: true });
    await page.screenshot({ path: ARTIFACT, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(bottom + 16) } });
    if (process.env.REVOKIT_UPDATE_SCREENSHOT === '1') copyFileSync(ARTIFACT, README_PICTURE);
  });
});
