import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, backoffMs, isRetryable, parseRetryAfterMs, retryDelayMs } from './retry.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

describe('isRetryable', () => {
  it.each([
    [undefined, true],
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [599, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [409, false],
    [422, false],
    [499, false],
  ])('idempotent, status %s → %s', (status, expected) => {
    expect(isRetryable('idempotent', { status })).toBe(expected);
  });

  it('unsent-only retries nothing that may have reached the server', () => {
    for (const status of [undefined, 408, 429, 500, 503]) expect(isRetryable('unsent-only', { status })).toBe(false);
  });

  it('a request that never left may be retried under either policy', () => {
    expect(isRetryable('unsent-only', { neverSent: true })).toBe(true);
    expect(isRetryable('idempotent', { neverSent: true })).toBe(true);
  });
});

describe('backoffMs', () => {
  it('doubles from 500 ms and caps at 8 s, without jitter when random() is 0', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((retry) => backoffMs(retry, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('jitter takes off at most 25 %', () => {
    expect(backoffMs(0, () => 0.999_999)).toBe(375);
    expect(backoffMs(1, () => 0.5)).toBe(875);
    expect(backoffMs(20, () => 0.999_999)).toBe(6000);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delay-seconds, including 0 and decimals', () => {
    expect(parseRetryAfterMs('0', NOW)).toBe(0);
    expect(parseRetryAfterMs('3', NOW)).toBe(3000);
    expect(parseRetryAfterMs(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfterMs('1.5', NOW)).toBe(1500);
  });

  it('reads the obsolete HTTP-date forms too', () => {
    expect(parseRetryAfterMs('Wednesday, 01-Jan-25 12:00:05 GMT', NOW)).toBe(5000);
    // asctime has no zone: Date.parse reads it as local time, so only check it is read.
    expect(parseRetryAfterMs('Wed Jan  1 12:00:05 2025', 0)).toEqual(expect.any(Number));
  });

  it('reads an HTTP-date relative to now, a past date as 0', () => {
    expect(parseRetryAfterMs(new Date(NOW + 7000).toUTCString(), NOW)).toBe(7000);
    expect(parseRetryAfterMs('Wed, 01 Jan 2025 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfterMs(new Date(NOW - 60_000).toUTCString(), NOW)).toBe(0);
  });

  it('ignores absent and unreadable values', () => {
    for (const value of [null, undefined, '', '  ', '-1', 'soon', '1e3', '5 seconds', 'Wed, 01 Jan 2025']) expect(parseRetryAfterMs(value, NOW)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  it('uses backoff without Retry-After', () => {
    expect(retryDelayMs(2, null, NOW, () => 0)).toBe(2000);
  });

  it('uses Retry-After when present, even above the backoff cap', () => {
    expect(retryDelayMs(0, '10', NOW, () => 0)).toBe(10_000);
    expect(retryDelayMs(0, new Date(NOW + 2000).toUTCString(), NOW, () => 0)).toBe(2000);
  });

  it('gives up when Retry-After asks for longer than the cap', () => {
    expect(retryDelayMs(0, String(MAX_RETRY_AFTER_MS / 1000), NOW, () => 0)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryDelayMs(0, String(MAX_RETRY_AFTER_MS / 1000 + 1), NOW, () => 0)).toBeUndefined();
    expect(retryDelayMs(0, new Date(NOW + MAX_RETRY_AFTER_MS + 1000).toUTCString(), NOW, () => 0)).toBeUndefined();
  });

  it('falls back to backoff when Retry-After is unreadable', () => {
    expect(retryDelayMs(1, 'later', NOW, () => 0)).toBe(1000);
  });
});
