// Recipe: a `session` fixture gives every test its own world of the shared mock server, and
// Playwright's `request` is pointed at it, so API tests need no setup of their own.
import { test as base, expect } from '@playwright/test';
import { sessionUrl } from '@revokit/mock/server';

interface MockSession {
  /** The session's base URL: give it to any client. */
  url: string;
  /** The demo credentials minted for this session alone. */
  credentials: {
    project: { api_key: string };
    demo: { virtual_key: { id: string; secret: string }; vine_key: { id: string } };
  };
}

export const test = base.extend<{ session: MockSession }>({
  session: async ({ playwright }, use, testInfo) => {
    const url = sessionUrl(process.env.REVOKIT_MOCK_URL!, `pw-${testInfo.testId}-${testInfo.retry}`);
    const api = await playwright.request.newContext();
    const credentials = await (await api.get(`${url}/__mock/credentials`)).json();
    await use({ url, credentials });
    await api.delete(`${process.env.REVOKIT_MOCK_URL}/__mock/sessions/${url.split('/').at(-1)}`);
    await api.dispose();
  },
  request: async ({ playwright, session }, use) => {
    const request = await playwright.request.newContext({ baseURL: `${session.url}/` });
    await use(request);
    await request.dispose();
  },
});

export { expect };
