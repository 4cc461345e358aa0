// @revokit/mock under MSW's setupWorker in real (headless) Chromium: the scenario in
// page/scenario.ts runs in the page, behind the service worker; here we assert on its report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioOutcome, ScenarioReport } from './page/scenario.js';
import { bundleScenario } from './support/bundle.js';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium, type LaunchedChromium } from './support/chromium.js';
import { serveScenario, type StaticServer } from './support/static-server.js';

// Skipping is a convenience for machines without Chromium; CI must run it, so there it fails.
const skip = !chromiumInstalled && !process.env.CI;
if (skip) console.warn(`test/browser skipped: ${CHROMIUM_PATH} not found and CI is not set (install it: apt-get install -y chromium)`);

describe.skipIf(skip)('the mocks in a browser, behind setupWorker', () => {
  let server: StaticServer | undefined;
  let chromium: LaunchedChromium | undefined;
  let report: ScenarioReport;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!chromiumInstalled) throw new Error(`${CHROMIUM_PATH} is missing; CI must install it (apt-get install -y chromium)`);
    server = await serveScenario(await bundleScenario());
    chromium = await launchChromium();
    const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    // Uncaught errors only: Chromium logs every 4xx as a console error, and those are expected here.
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => 'scenario' in globalThis);
    const outcome = await page.evaluate(() => (globalThis as unknown as { scenario: Promise<ScenarioOutcome> }).scenario);
    if (!outcome.ok) throw new Error(`scenario failed in the page: ${outcome.error}\npage errors: ${pageErrors.join('\n')}`);
    report = outcome.report;
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('runs with the page controlled by the worker, the mocked hosts cross-origin', () => {
    expect(report.controlled).toBe(true);
    expect(report.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(pageErrors).toEqual([]);
  });

  it('rotates and revokes a seeded virtual key through the LangWatch client', () => {
    expect(report.seeded).toEqual({ id: expect.stringMatching(/^vk_/), revision: '1' });
    expect(report.rotated).toEqual({ revision: '2', newSecretDiffers: true });
    expect(report.revoked).toEqual({ status: 'revoked', revision: '3' });
  });

  it('applies the grace and propagation rules on the data plane, moved by clock.advance', () => {
    expect(report.models).toEqual({
      'original, before rotate': 200,
      'original, in grace': 200,
      'rotated, after rotate': 200,
      'rotated, after revoke': 200,
      'rotated, propagationMs - 1': 200,
      'rotated, propagationMs': 401,
    });
    expect(report.rejectedBody).toEqual({ error: { type: 'virtual_key_revoked', code: 'virtual_key_revoked', message: 'virtual_key_revoked' } });
  });

  it('streams a chat completion through the worker as server-sent events', () => {
    expect(report.stream.contentType).toBe('text/event-stream');
    expect(report.stream.chunks).toBeGreaterThan(1);
    expect(report.stream.data.at(-1)).toBe('[DONE]');
    const chunks = report.stream.data.slice(0, -1).map((data) => JSON.parse(data) as { object: string; choices: Array<{ delta?: { content?: string } }> });
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('Hello from the revokit mock gateway.');
  });

  it('revokes an admin API key, then reports 409 on a second revoke', () => {
    expect(report.adminRevoke).toEqual({ first: { success: true }, second: { name: 'ConflictError', status: 409 } });
  });

  it('revokes a Vine key idempotently', () => {
    const expected = { key: { id: expect.any(String), name: 'browser', keyPrefix: expect.stringMatching(/^vine_test_/), revokedAt: report.vine.expectedRevokedAt } };
    expect(report.vine.first).toEqual(expected);
    expect(report.vine.second).toEqual(report.vine.first);
  });

  it('served every request from the in-page mocks (their journals saw them all)', () => {
    const models = (status: number) => `gatewayListModels ${status}`;
    expect(report.journal).toEqual({
      langwatch: [
        models(200), // original, before rotate
        'postApiGatewayV1Virtual-keysByIdRotate 200',
        models(200), // original, in grace
        models(200), // rotated
        'gatewayCreateChatCompletion 200', // the stream
        'postApiGatewayV1Virtual-keysByIdRevoke 200',
        models(200), // rotated, right after revoke
        models(200), // propagationMs - 1
        models(401), // propagationMs
        'revokeApiKey 200',
        'revokeApiKey 409',
      ],
      vine: ['postApiV1KeysByIdRevoke 200', 'postApiV1KeysByIdRevoke 200'],
    });
  });
});
