// Issue 17, finding 1, in Debian's Chromium: a page on another origin (attacker.test, resolved to
// this machine) can neither read the credentials of a local mock nor change it, whether it asks
// openly (CORS), quietly (no-cors text/plain POSTs, a form), or through DNS rebinding (a name of its
// own pointed at the mock's port). The dashboard, on the mock's own origin, still reads and acts, and
// --cors-origin lets exactly the origin it names in.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../packages/mock/src/server.js';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium, type LaunchedChromium } from './support/chromium.js';

const skip = !chromiumInstalled && !process.env.CI;
const DAY = 86_400_000;

describe.skipIf(skip)('a page on another origin, in Chromium', () => {
  let mock: MockServer;
  let mockUrl: string;
  let mockPort: number;
  let allowing: MockServer;
  let attacker: Server;
  let attackerOrigin: string;
  let chromium: LaunchedChromium;
  let page: Page;

  beforeAll(async () => {
    if (!chromiumInstalled) throw new Error(`${CHROMIUM_PATH} is missing; CI must install it (apt-get install -y chromium)`);
    mock = createMockServer({ clock: 'frozen' });
    mockUrl = await mock.listen({ port: 0 });
    mockPort = Number(new URL(mockUrl).port);
    attacker = createServer((_request, response) => void response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>a page</title>'));
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerOrigin = `http://attacker.test:${(attacker.address() as AddressInfo).port}`;
    allowing = createMockServer({ corsOrigins: [attackerOrigin] });
    await allowing.listen({ port: 0 });
    chromium = await launchChromium(['--host-resolver-rules=MAP attacker.test 127.0.0.1, MAP rebind.evil.example 127.0.0.1']);
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    await page.goto(`${attackerOrigin}/`);
    start = await mockNow();
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await mock?.close();
    await allowing?.close();
    await new Promise((resolve) => attacker?.close(resolve));
  });

  /** fetch() in the page: the status and text it could read, or the error it got. */
  const fetchIn = (on: Page, url: string, init: RequestInit = {}) =>
    on.evaluate(
      async ([target, options]) => {
        try {
          const response = await fetch(target, options);
          return { status: response.status, text: response.type === 'opaque' ? '(opaque)' : await response.text() };
        } catch (error) {
          return { error: String(error) };
        }
      },
      [url, init] as const,
    );
  const control = async (path: string) => (await fetch(`${mockUrl}${path}`)).json();
  /** The frozen mock clock's time: it moves only when the control plane moves it. */
  const mockNow = async () => Date.parse((await control('/__mock/clock')).now);
  let start = 0;

  it('cannot read /__mock/credentials', async () => {
    const read = await fetchIn(page, `${mockUrl}/__mock/credentials`);
    expect(read).toEqual({ error: expect.stringContaining('Failed to fetch') });
    // Not even through the session prefix, nor with a session header.
    expect(await fetchIn(page, `${mockUrl}/__session/w1/__mock/credentials`)).toHaveProperty('error');
    expect(await fetchIn(page, `${mockUrl}/__mock/credentials`, { headers: { 'x-revokit-session': 'w1' } })).toHaveProperty('error');
  });

  it('cannot change it: text/plain and body-less no-cors POSTs, a preflighted JSON POST, a form', async () => {
    const vineKey = await (await fetch(`${mockUrl}/__mock/vine/keys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"kept"}' })).json();
    const noCors = { method: 'POST', mode: 'no-cors' } as const;
    await fetchIn(page, `${mockUrl}/__mock/clock`, { ...noCors, headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ advance_ms: DAY }) });
    await fetchIn(page, `${mockUrl}/__mock/faults`, { ...noCors, headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ operation_id: 'postApiV1KeysByIdRevoke', status: 500, times: 1000 }) });
    await fetchIn(page, `${mockUrl}/__mock/reset`, noCors);
    const json = await fetchIn(page, `${mockUrl}/__mock/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance_ms: DAY }) });
    expect(json).toHaveProperty('error');
    // A form posting text/plain whose body reads as JSON: `{"operation_id":…,"x":"="}`.
    await page.evaluate((action) => {
      const frame = Object.assign(document.createElement('iframe'), { name: 'sink' });
      const form = Object.assign(document.createElement('form'), { method: 'POST', action, enctype: 'text/plain', target: 'sink' });
      const field = Object.assign(document.createElement('input'), { type: 'hidden', name: '{"operation_id":"postApiV1KeysByIdRevoke","status":500,"times":1000,"x":"', value: '"}' });
      form.append(field);
      document.body.append(frame, form);
      return new Promise<void>((resolve) => {
        frame.addEventListener('load', () => resolve(), { once: true });
        form.submit();
      });
    }, `${mockUrl}/__mock/faults`);

    expect(await mockNow()).toBe(start);
    expect((await control('/__mock/faults')).faults).toEqual([]);
    expect((await control('/__mock/vine/keys')).keys.map((key: { id: string }) => key.id)).toContain(vineKey.key.id);
  });

  it('cannot read or act through DNS rebinding, a name of its own pointed at the mock', async () => {
    const rebound = await chromium.context.newPage();
    try {
      await rebound.goto(`http://rebind.evil.example:${mockPort}/v1/models`);
      const read = await fetchIn(rebound, '/__mock/credentials');
      expect(read).toMatchObject({ status: 403 });
      expect((read as { text: string }).text).not.toContain(mock.credentials.project.apiKey);
      const act = await fetchIn(rebound, '/__mock/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance_ms: DAY }) });
      expect(act).toMatchObject({ status: 403 });
      expect(await mockNow()).toBe(start);
    } finally {
      await rebound.close();
    }
  });

  it('the dashboard, on the mock’s own origin, still reads and acts', async () => {
    const dashboard = await chromium.context.newPage();
    try {
      await dashboard.goto(`${mockUrl}/__mock/ui`);
      const read = await fetchIn(dashboard, '/__mock/credentials');
      expect(read).toMatchObject({ status: 200 });
      expect((read as { text: string }).text).toContain(mock.credentials.project.apiKey);
      expect(await fetchIn(dashboard, '/__mock/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advance_ms":1000}' })).toMatchObject({ status: 200 });
      expect(await mockNow()).toBe(start + 1000);
    } finally {
      await dashboard.close();
    }
  });

  it('--cors-origin lets the origin it names read and act, and no other', async () => {
    const read = await fetchIn(page, `${allowing.url}/__mock/credentials`);
    expect(read).toMatchObject({ status: 200 });
    expect((read as { text: string }).text).toContain(allowing.credentials.project.apiKey);
    const act = await fetchIn(page, `${allowing.url}/__mock/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advance_ms":1000}' });
    expect(act).toMatchObject({ status: 200 });
    expect(await fetchIn(page, `${mockUrl}/__mock/credentials`)).toHaveProperty('error');
  });
});
