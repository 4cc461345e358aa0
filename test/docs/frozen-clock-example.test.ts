import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLangWatchClient } from '@revokit/langwatch';
import { createLangWatchMock, onUnhandled } from '@revokit/mock';

const langwatch = createLangWatchMock({ clock: 'frozen', graceMs: 1_000 });
const server = setupServer(...langwatch.handlers);
beforeAll(() => server.listen(onUnhandled('error')));
afterAll(() => server.close());

it('accepts the old secret at graceMs - 1 and rejects it at graceMs, with no fake timers', async () => {
  const lw = createLangWatchClient({ apiKey: langwatch.defaultProject.apiKey });
  const { virtual_key, secret } = langwatch.seed.virtualKey();
  await lw.virtualKeys.rotate(virtual_key.id); // time stands still while this runs

  langwatch.clock.advance(999);
  expect(langwatch.gateway.authenticate(secret)).toEqual({ ok: true, virtualKeyId: virtual_key.id });
  langwatch.clock.advance(1);
  expect(langwatch.gateway.authenticate(secret)).toEqual({ ok: false, reason: 'grace_expired' });
});
