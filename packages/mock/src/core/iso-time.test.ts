import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from './iso-time.js';

describe('isoTime', () => {
  it('writes what Date#toISOString writes, first time and from the table alike', () => {
    // Instants that share slots (same low bits) and repeat, across the whole Date range.
    const instant = fc.oneof(
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      fc.constantFrom(0, -0, 1, 63, 64, 65, 1_795_000_000_000, 1_795_000_000_064, 253_402_300_800_000, -62_167_219_200_001),
      fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 50 }), (instants) => {
        for (const ms of [...instants, ...instants.reverse()]) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2_000 },
    );
  });

  it('writes every instant of the four-digit years as toISOString does, at the edges of days, months, years and eras', () => {
    const edges = [-62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 951_782_400_000, 951_868_800_000, 4_107_542_400_000, -1, -0.5, 0.999];
    const days = fc.integer({ min: -719_528, max: 2_932_896 }).chain((day) => fc.integer({ min: -1, max: 86_400_000 }).map((ms) => day * 86_400_000 + ms));
    for (const ms of edges) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    fc.assert(
      fc.property(days, (ms) => {
        expect(isoTime(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it('throws RangeError for what is not a time, as toISOString does, every time', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity, 8.64e15 + 1]) {
      expect(() => isoTime(bad)).toThrow(RangeError);
      expect(() => isoTime(bad)).toThrow(RangeError);
    }
  });
});
