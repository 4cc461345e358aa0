// The dashboard's durations and masks.
import { expect, it } from 'vitest';
import { exactTime, formatDuration, mask, parseDuration } from '../../packages/mock/ui/src/format.js';

it('reads durations as the clock panel accepts them', () => {
  expect(parseDuration('86399999ms')).toBe(86_399_999);
  expect(parseDuration('86399999')).toBe(86_399_999);
  expect(parseDuration('1h 30m')).toBe(5_400_000);
  expect(parseDuration('1h30min')).toBe(5_400_000);
  expect(parseDuration('1.5h')).toBe(5_400_000);
  expect(parseDuration(' 2d ')).toBe(172_800_000);
  for (const bad of ['', 'soon', '1 hour', '1x', '-5s', '5s later']) expect(parseDuration(bad), bad).toEqual({ error: expect.any(String) });
});

it('writes durations exactly, down to the millisecond', () => {
  expect(formatDuration(0)).toBe('0 ms');
  expect(formatDuration(90_061_001)).toBe('1 d 1 h 1 min 1 s 1 ms');
  expect(formatDuration(-60_000)).toBe('−1 min');
});

it('never throws on a time it cannot print', () => {
  expect(exactTime(Number.NaN)).toBe('an unknown time');
  expect(exactTime(0)).toBe('1970-01-01T00:00:00.000Z');
});

it('masks a secret past the prefix the API itself shows', () => {
  expect(mask('lw_vk_live_0123456789ABCDEF', 11)).toBe('lw_vk_live_••••••••');
});
