// Keeps `npm run size`'s guarantees under `npm test`: in every bundler an app may use, zod
// stays out of an app that does not import the validators (and is there when it does, so
// the check can fail), and the LangWatch client fits its budget under esbuild's defaults.
import { describe, expect, it } from 'vitest';
import { bundlers } from './size/bundlers.ts';
import { measure, targets } from './size.ts';

describe.each(targets.map((target) => [target.name, target] as const))('%s', (_, target) => {
  it.each(bundlers.map((bundler) => [bundler.name, bundler] as const))('%s: no zod without validators; zod with them', async (_, bundler) => {
    const without = await measure(target.app, bundler);
    expect(without.zodModules).toEqual([]);
    const validated = await measure(target.validatedApp!, bundler);
    expect(validated.zodModules.length).toBeGreaterThan(0);
    expect(validated.bytes).toBeGreaterThan(without.bytes + 3000);
  }, 60_000);

  if (target.budget !== undefined) {
    it(`fits its budget under ${bundlers[0]!.name} (no splitting)`, async () => {
      expect((await measure(target.app, bundlers[0]!)).bytes).toBeLessThanOrEqual(target.budget!);
    }, 60_000);
  }
});
