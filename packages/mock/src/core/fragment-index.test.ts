import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFragmentIndex } from './fragment-index.js';

type Step = { op: 'add' | 'remove' | 'has'; key: number };

/** Keys from a small pool, so that probe runs form, collide, wrap around the table and are cut by removals. */
const steps = (pool: readonly number[]) =>
  fc.array(
    fc.record({ op: fc.constantFrom<Step['op']>('add', 'add', 'remove', 'has'), key: fc.constantFrom(...pool) }),
    { maxLength: 3000, size: 'max' },
  );

describe('fragment index', () => {
  it('agrees with a Map of counts on every answer, through growth and removals', () => {
    const pool = fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 53 - 1 }), { minLength: 1, maxLength: 1500, size: 'max' });
    fc.assert(
      fc.property(pool.chain((keys) => steps(keys).map((list) => ({ keys, list }))), ({ keys, list }) => {
        const index = createFragmentIndex();
        const reference = new Map<number, number>();
        for (const { op, key } of list) {
          if (op === 'add') {
            index.add(key);
            reference.set(key, (reference.get(key) ?? 0) + 1);
          } else if (op === 'remove') {
            index.remove(key);
            const left = (reference.get(key) ?? 0) - 1;
            if (left > 0) reference.set(key, left);
            else reference.delete(key);
          } else {
            expect(index.has(key)).toBe(reference.has(key));
          }
          expect(index.size).toBe(reference.size);
        }
        for (const key of keys) expect(index.has(key)).toBe(reference.has(key));
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('keeps every key reachable when removals cut probe runs (keys crowded into few homes)', () => {
    // Multiples of 2^32 differ only in their high half: a weak spread would pile them up.
    const keys = Array.from({ length: 600 }, (_, i) => i * 4294967296 + (i % 3));
    const index = createFragmentIndex();
    for (const key of keys) index.add(key);
    for (const key of keys.filter((_, i) => i % 2 === 0)) index.remove(key);
    expect(keys.map((key) => index.has(key))).toEqual(keys.map((_, i) => i % 2 === 1));
    expect(index.size).toBe(300);
  });
});
