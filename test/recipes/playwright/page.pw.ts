import { existsSync } from 'node:fs';
import { expect, test } from './fixtures.js';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

test('a page in Chromium calls the mock through its session\'s base URL', async ({ page, request, session }) => {
  test.skip(!existsSync(chromium) && process.env.REVOKIT_REQUIRE_CHROMIUM !== '1', `no Chromium at ${chromium} (apt-get install chromium)`);
  await page.goto(`${session.url}/__mock/health`);
  const status = await page.evaluate(
    async ([base, keyId]) => (await fetch(`${base}/api/v1/keys/${keyId}/revoke`, { method: 'POST' })).status,
    [session.url, session.credentials.demo.vine_key.id] as const,
  );
  expect(status).toBe(200);
  const journal = await (await request.get('__mock/requests')).json();
  expect(journal.vine).toEqual([expect.objectContaining({ operation_id: 'postApiV1KeysByIdRevoke', status: 200 })]);
});
