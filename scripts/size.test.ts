// Keeps `npm run size`'s guarantees under `npm test`: zod stays out of a client
// without validation, validation is split off, and LangWatch fits its budget.
import { describe, expect, it } from 'vitest';
import { measure, targets } from './size.ts';

describe.each(targets.map((target) => [target.name, target] as const))('%s bundle', (_, target) => {
  it('has no zod without validation, and a lazily loaded validation chunk with it', async () => {
    const m = await measure(target);
    expect(m.zodInStatic).toEqual([]);
    expect(m.lazyChunks.length).toBeGreaterThan(0);
    expect(m.withValidation).toBeGreaterThan(m.withoutValidation + 3000); // zod is really in the lazy part
    if (target.budget !== undefined) expect(m.withoutValidation).toBeLessThanOrEqual(target.budget);
  }, 30_000);
});
