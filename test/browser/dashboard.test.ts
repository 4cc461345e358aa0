// The dashboard (/__mock/ui) of the bundled CLI, driven in Debian's Chromium as a person would:
// rotate a key, watch its old secret's grace window end at its exact instant, revoke it and see
// the gateway reject it once the revocation has propagated, read the journal, act in a session,
// and check both widths (no horizontal overflow, screenshots) and axe-core.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUiAssets } from '../../packages/mock/ui/build.mjs';
import { axeViolations, serious } from './support/axe.js';
import { rebuildCli, startCli, type Banner, type RunningCli } from './support/bundled-cli.js';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium, type LaunchedChromium } from './support/chromium.js';

const skip = !chromiumInstalled && !process.env.CI;
if (skip) console.warn(`test/browser skipped: ${CHROMIUM_PATH} not found and CI is not set (install it: apt-get install -y chromium)`);

/** CI output, gitignored. */
const ARTIFACTS = fileURLToPath(new URL('../../artifacts/ui/', import.meta.url));
const TOKEN = 'dashboard-test-token';
const DAY = 86_400_000;
/** The page polls about once a second: give what it shows a few polls to appear. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000, interval: 50 });

describe.skipIf(skip)('the dashboard at /__mock/ui', () => {
  let cli: RunningCli;
  let banner: Banner;
  let chromium: LaunchedChromium;
  let page: Page;
  const pageErrors: string[] = [];

  /** A control-plane read from the test itself (not through the page). */
  const control = async (path: string, session?: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` };
    if (session) headers['x-revokit-session'] = session;
    return (await fetch(`${banner.url}${path}`, { headers })).json();
  };
  const mockNow = async (session?: string) => Date.parse((await control('/__mock/clock', session)).now);

  const row = (name: string): Locator => page.locator('li.key-row', { has: page.getByRole('heading', { name, exact: true }) });
  const vkRow = () => row('Demo virtual key');
  const clockNow = () => page.locator('.clock-now').textContent();
  const gatewayResult = (r: Locator) => r.locator('.gateway-result');
  const advanceBy = async (text: string) => {
    await page.getByLabel('Advance by').fill(text);
    await page.getByRole('button', { name: 'Advance', exact: true }).click();
  };

  beforeAll(async () => {
    if (!chromiumInstalled) throw new Error(`${CHROMIUM_PATH} is missing; CI must install it (apt-get install -y chromium)`);
    rebuildCli();
    // A control token as off loopback: the page must get it from ?token= and send it on every control call.
    cli = await startCli(['--clock', 'frozen', '--control-token', TOKEN]);
    banner = cli.banner;
    chromium = await launchChromium();
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.setViewportSize({ width: 1280, height: 900 });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await chromium?.close();
    await cli?.stop();
  });

  it('is served by the bundled CLI from memory, as built from packages/mock/ui, with a strict CSP', async () => {
    const fresh = await buildUiAssets();
    for (const [path, name] of [['/__mock/ui', 'index.html'], ['/__mock/ui/app.js', 'app.js'], ['/__mock/ui/app.css', 'app.css']] as const) {
      const response = await fetch(`${banner.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(fresh[name]);
    }
    const html = await fetch(`${banner.url}/__mock/ui`);
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(banner.dashboard_url).toBe(`${banner.url}/__mock/ui`);
  });

  it('takes the control token from ?token=, keeps it in sessionStorage and out of the address bar', async () => {
    await page.goto(`${banner.url}/__mock/ui?token=${TOKEN}`);
    await page.getByText('Connected to').waitFor();
    expect(page.url()).toBe(`${banner.url}/__mock/ui`);
    expect(await page.evaluate(() => Object.values(sessionStorage))).toContain(TOKEN);
  });

  it('shows one row per virtual key, admin key and Vine key, secrets masked until revealed', async () => {
    await vkRow().waitFor();
    for (const id of [banner.demo.virtual_key.id, banner.demo.admin_api_key.id, banner.demo.member_api_key.id, banner.demo.vine_key.id]) {
      await eventually(() => page.locator('li.key-row .key-id', { hasText: id }).count()).toBe(1);
    }
    const body = () => page.locator('body').innerText();
    expect(await body()).not.toContain(banner.demo.virtual_key.secret);
    await vkRow().getByRole('button', { name: 'Reveal secrets' }).click();
    await eventually(body).toContain(banner.demo.virtual_key.secret);
    await vkRow().getByRole('button', { name: 'Hide secrets' }).click();
    await eventually(body).not.toContain(banner.demo.virtual_key.secret);
  });

  it('rotates through the API route; the old secret’s grace band ends at its exact instant (24 h)', async () => {
    await vkRow().getByRole('button', { name: 'Rotate', exact: true }).click();
    const band = vkRow().locator('.band-grace');
    await band.waitFor();
    const [listing] = (await control('/__mock/langwatch/virtual-keys')).virtual_keys;
    const rotatedAt = Date.parse(listing.rotations[0].at);
    expect(listing.previous_secret.valid_until).toBe(new Date(rotatedAt + DAY).toISOString());
    expect(await band.getAttribute('data-to')).toBe(listing.previous_secret.valid_until);
    expect(await band.getAttribute('data-ended')).toBe('false');

    // One millisecond before the end: still accepted, and the page says so.
    await advanceBy('86399999ms');
    await eventually(clockNow).toBe(new Date(rotatedAt + DAY - 1).toISOString());
    expect(await band.getAttribute('data-ended')).toBe('false');
    await vkRow().getByRole('button', { name: 'Try old secret at gateway' }).click();
    await eventually(() => gatewayResult(vkRow()).textContent()).toBe('old secret: 200 accepted');

    // At the end: the band is over, it ends where the now line is, and the gateway refuses the old secret.
    await advanceBy('1ms');
    await eventually(() => band.getAttribute('data-ended')).toBe('true');
    expect(await band.getAttribute('aria-label')).toContain(`until ${listing.previous_secret.valid_until} (ended)`);
    const bandBox = (await band.boundingBox())!;
    const nowBox = (await vkRow().locator('.now-line').boundingBox())!;
    expect(Math.abs(bandBox.x + bandBox.width - (nowBox.x + nowBox.width / 2))).toBeLessThanOrEqual(1.5);
    await vkRow().getByRole('button', { name: 'Try old secret at gateway' }).click();
    await eventually(() => gatewayResult(vkRow()).textContent()).toBe('old secret: 401 invalid_api_key');
    await vkRow().getByRole('button', { name: 'Try secret at gateway' }).click();
    await eventually(() => gatewayResult(vkRow()).textContent()).toBe('current secret: 200 accepted');
  });

  it('shows a mark’s exact time on focus, from the keyboard', async () => {
    const [listing] = (await control('/__mock/langwatch/virtual-keys')).virtual_keys;
    await vkRow().locator('.marker-rotated').focus();
    expect(await vkRow().locator('.readout').textContent()).toBe(`Rotated at ${listing.rotations[0].at}`);
  });

  it('revokes; the gateway rejects the key once 60 s have passed (the +1 min button, by keyboard)', async () => {
    await vkRow().getByRole('button', { name: 'Revoke', exact: true }).click();
    await eventually(() => vkRow().locator('.badge').textContent()).toBe('revoked, gateway still accepts');
    const revokedAt = await mockNow();
    expect(await vkRow().locator('.marker-propagated').getAttribute('data-at')).toBe(new Date(revokedAt + 60_000).toISOString());
    await vkRow().getByRole('button', { name: 'Try secret at gateway' }).click();
    await eventually(() => gatewayResult(vkRow()).textContent()).toBe('current secret: 200 accepted');

    await page.getByRole('group', { name: 'Advance the clock' }).getByRole('button', { name: '+1 min' }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => vkRow().locator('.badge').textContent()).toBe('revoked');
    await vkRow().getByRole('button', { name: 'Try secret at gateway' }).click();
    await eventually(() => gatewayResult(vkRow()).textContent()).toBe('current secret: 401 virtual_key_revoked');
  });

  it('admin-revokes with the chosen acting key, and revokes a Vine key', async () => {
    const member = row(`role member, owner ${(await control('/__mock/langwatch/api-keys')).api_keys.find((k: { role: string }) => k.role === 'member').owner_user_id}`);
    expect(await member.getByLabel('Act as').inputValue()).toBe(banner.demo.admin_api_key.id);
    await member.getByRole('button', { name: 'Revoke' }).click();
    await eventually(() => member.locator('.badge').textContent()).toBe('revoked');

    const admin = page.locator('li.key-row', { has: page.locator('.key-id', { hasText: banner.demo.admin_api_key.id }) });
    await admin.getByLabel('Act as').selectOption(banner.demo.member_api_key.id);
    await admin.getByRole('button', { name: 'Revoke' }).click();
    await eventually(() => page.locator('.results li').first().textContent()).toContain('401 Unauthorized Invalid credentials. Organization-level endpoints require an admin API key');
    expect(await admin.locator('.badge').textContent()).toBe('active');

    await row('Demo key').getByRole('button', { name: 'Revoke' }).click();
    await eventually(() => row('Demo key').locator('.badge').textContent()).toBe('revoked');
  });

  it('creates keys through their API routes, as a client would, showing names as text, never as markup', async () => {
    const name = '<img src=x onerror="window.pwned=1">';
    await page.getByRole('form', { name: 'Virtual key' }).getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Create virtual key' }).click();
    await row(name).waitFor();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
    await page.getByRole('button', { name: 'Create Vine key' }).click();
    await row('Dashboard key').waitFor();
    await page.getByRole('button', { name: 'Create admin key' }).click();
    await eventually(() => page.locator('li.key-row').count()).toBe(7);
    // Through the API: the journal has each create, answered 201.
    const journal = await control('/__mock/requests');
    const creates = [...journal.langwatch, ...journal.vine].filter((e: { method: string }) => e.method === 'POST').map((e: { operation_id: string; status: number }) => `${e.operation_id} ${e.status}`);
    expect(creates).toEqual(expect.arrayContaining(['postApiGatewayV1Virtual-keys 201', 'createApiKey 201', 'postApiV1Keys 201']));
    const made = (await control('/__mock/langwatch/virtual-keys')).virtual_keys.find((k: { virtual_key: { name: string } }) => k.virtual_key.name === name);
    expect(made.virtual_key.provider_credential_ids).toEqual([banner.project.provider_credential_id]);
  });

  it('shows a key a client creates through the API as soon as it is made', async () => {
    const reply = await fetch(`${banner.url}/api/v1/keys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'made by a client' }) });
    expect(reply.status).toBe(201);
    await row('made by a client').waitFor();
    expect(await row('made by a client').locator('.key-id').textContent()).toBe(((await reply.json()) as { key: { id: string } }).key.id);
  });

  it('injects a fault that the next request meets', async () => {
    await page.getByLabel('Operation', { exact: true }).first().selectOption('postApiV1KeysByIdRevoke');
    await page.getByLabel('Status').fill('503');
    await page.getByRole('button', { name: 'Inject fault' }).click();
    await eventually(() => page.locator('.pending li').allTextContents()).toEqual([expect.stringMatching(/^postApiV1KeysByIdRevoke × 1: .*"status":503/)]);
    await row('Demo key').getByRole('button', { name: 'Revoke' }).click();
    await eventually(() => page.locator('.results li').first().textContent()).toContain('503 internal_error Injected fault: HTTP 503');
    await eventually(() => page.locator('.pending li').count()).toBe(0);
  });

  it('lists every request the page made in the journal, filterable, credentials redacted', async () => {
    const journal = page.getByRole('region', { name: 'Journal entries' });
    const column = (index: number) => journal.locator(`tbody tr td:nth-child(${index})`).allTextContents();
    const rows = async () => {
      const [operations, statuses] = [await column(5), await column(6)];
      return operations.map((operation, i) => `${operation} ${statuses[i]}`);
    };
    await eventually(() => page.locator('.journal .count').textContent()).toBe('15 of 15 requests');
    await page.getByLabel('Family').selectOption('langwatch');
    await eventually(rows).toEqual([
      'createApiKey 201',
      'postApiGatewayV1Virtual-keys 201',
      'revokeApiKey 401',
      'revokeApiKey 200',
      'gatewayListModels 401',
      'gatewayListModels 200',
      'postApiGatewayV1Virtual-keysByIdRevoke 200',
      'gatewayListModels 200',
      'gatewayListModels 401',
      'gatewayListModels 200',
      'postApiGatewayV1Virtual-keysByIdRotate 200',
    ]);
    expect(await page.locator('.journal .count').textContent()).toBe('11 of 15 requests');
    await page.getByLabel('Family').selectOption('vine');
    await eventually(rows).toEqual(['postApiV1KeysByIdRevoke 503', 'postApiV1Keys 201', 'postApiV1Keys 201', 'postApiV1KeysByIdRevoke 200']);
    await page.getByLabel('Family').selectOption('');
    await page.getByLabel('Operation', { exact: true }).last().selectOption('gatewayListModels');
    await eventually(() => column(6)).toEqual(['401', '200', '200', '401', '200']);
    await page.getByLabel('Operation', { exact: true }).last().selectOption('');

    const text = await journal.innerText();
    const secrets = (await control('/__mock/langwatch/virtual-keys')).virtual_keys.flatMap((k: { secret: string; previous_secret: { secret: string } | null }) => [k.secret, k.previous_secret?.secret]);
    for (const secret of [...secrets, banner.demo.admin_api_key.token, banner.demo.member_api_key.token, banner.project.api_key].filter(Boolean)) {
      expect(text).not.toContain(secret);
    }
  });

  it('has no horizontal overflow, and no serious axe violation, at 1280 and 375 px; screenshots saved', async () => {
    const report: Record<string, unknown> = {};
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(300);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth, `page wider than the ${width} px viewport`).toBeLessThanOrEqual(clientWidth);
      const violations = await axeViolations(page);
      report[width] = violations;
      expect(serious(violations), `axe at ${width} px`).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}dashboard-${width}.png`, fullPage: true });
    }
    // Clock, results and the key timelines over the last 5 minutes: the grace window ended 60 s
    // ago, when the key was revoked; the gateway learns of it now. (The README's picture,
    // docs/dashboard.png, is readme-screenshot.test.ts's, with realistic names.)
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel('Show').selectOption({ label: 'the last 5 min' });
    const bottom = await page.locator('section.keys').evaluate((keys) => keys.getBoundingClientRect().bottom + window.scrollY);
    await page.screenshot({ path: `${ARTIFACTS}dashboard-1280-top.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(bottom + 16) } });
    await page.getByLabel('Show').selectOption('fit');
    writeFileSync(`${ARTIFACTS}axe.json`, `${JSON.stringify(report, null, 2)}\n`);
  });

  it('acts on a chosen session: its own keys, its own journal, header on every call', async () => {
    const session = 'ui-w1';
    await control('/__mock/clock', session); // a worker created it
    await page.getByLabel('World').waitFor();
    await page.getByLabel('World').selectOption(session);
    await page.getByText(`session ${session}.`).waitFor();
    const credentials = await control('/__mock/credentials', session);
    const sessionRow = page.locator('li.key-row', { has: page.locator('.key-id', { hasText: credentials.demo.virtual_key.id }) });
    await sessionRow.getByRole('button', { name: 'Rotate', exact: true }).click();
    await eventually(async () => (await control('/__mock/requests', session)).langwatch.map((e: { operation_id: string }) => e.operation_id)).toEqual(['postApiGatewayV1Virtual-keysByIdRotate']);
    // The default world saw no new rotation.
    expect((await control('/__mock/requests')).langwatch.filter((e: { operation_id: string }) => e.operation_id.endsWith('Rotate'))).toHaveLength(1);

    // Ended elsewhere: the page says so instead of silently recreating it.
    await fetch(`${banner.url}/__mock/sessions/${session}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    await page.getByText(`Session ${session} has ended`).waitFor();
    await page.getByLabel('World').selectOption('');
    await page.getByText('default world.').waitFor();
  });

  it('asks for the control token when opened without one', async () => {
    const second = await chromium.context.newPage();
    await second.goto(`${banner.url}/__mock/ui`);
    await second.getByText('needs its control token').waitFor();
    await second.getByLabel('Control token', { exact: true }).fill(TOKEN);
    await second.getByRole('button', { name: 'Use token' }).click();
    await second.getByText('Connected to').waitFor();
    await second.close();
  });

  it('says so when the server goes away, without an error in the page', async () => {
    await cli.stop();
    await page.getByText('Disconnected:').waitFor({ timeout: 10_000 });
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
