import { expect, it } from 'vitest';
import { createLangWatchClient } from '@revokit/langwatch';
import { credentials, mockUrl } from './session.js';

it('rotating mints revision 2 from a fresh session, every time (no other worker leaks in)', async () => {
  for (let i = 0; i < 5; i++) {
    await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' });
    const { project, demo } = await credentials();
    const lw = createLangWatchClient({ apiKey: project.api_key, baseUrl: mockUrl });
    const { virtual_key } = await lw.virtualKeys.rotate(demo.virtual_key.id);
    expect(virtual_key.revision).toBe('2');
  }
});
