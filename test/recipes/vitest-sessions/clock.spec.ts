import { expect, it } from 'vitest';
import { mockUrl } from './session.js';

it('a day-long clock jump here moves no other worker\'s clock', async () => {
  for (let i = 0; i < 5; i++) {
    await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' });
    const moved = await fetch(`${mockUrl}/__mock/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance_ms: 86_400_000 }) });
    expect((await moved.json()).offset_ms).toBeGreaterThan(86_000_000);
  }
});
