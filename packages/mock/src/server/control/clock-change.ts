// The body of POST /__mock/clock, checked field by field.
import { InputError, readInput, rules, type Rule } from '../../core/inputs.js';
import { LATEST_CLOCK_MS as MAX_EPOCH_MS } from '../../core/time-range.js';
import { ISO_INSTANT_EXAMPLE, parseIsoInstant } from './iso-instant.js';

/** Years 0000 to 9999: every time the clock can reach must still print as ISO 8601. */
const MIN_EPOCH_MS = Date.parse('0000-01-01T00:00:00.000Z');

export interface ClockChange {
  frozen?: boolean;
  /** Epoch ms to jump to. */
  setTo?: number;
  advanceMs?: number;
}

/** An RFC 3339 date-time with seconds and an explicit offset, on a real calendar date (see iso-instant.ts). */
const isoDateTime: Rule<string> = {
  expected: `an ISO 8601 date-time string (e.g. ${ISO_INSTANT_EXAMPLE})`,
  accepts: (v): v is string => typeof v === 'string',
  check(value, field) {
    const instant = parseIsoInstant(value);
    if (!instant.ok) throw new InputError(field, `${field}: ${JSON.stringify(value.slice(0, 64))} ${instant.reason}`);
  },
};

export function readClockChange(body: unknown, now: number): ClockChange {
  const fields = readInput({ advanceMs: rules.integer(0, Number.MAX_SAFE_INTEGER), now: isoDateTime, frozen: rules.boolean }, body, '', 'snake');
  if (fields.advanceMs === undefined && fields.now === undefined && fields.frozen === undefined) {
    throw new InputError('body', 'body needs at least one of advance_ms, now, frozen');
  }
  if (fields.advanceMs !== undefined && fields.now !== undefined) throw new InputError('now', 'now and advance_ms exclude each other: send one');
  const instant = fields.now === undefined ? undefined : parseIsoInstant(fields.now);
  const setTo = instant?.ok ? instant.epochMs : undefined;
  if (setTo !== undefined && (setTo < MIN_EPOCH_MS || setTo > MAX_EPOCH_MS)) throw new InputError('now', 'now must lie between the years 0000 and 9999');
  if (fields.advanceMs !== undefined && now + fields.advanceMs > MAX_EPOCH_MS) throw new InputError('advance_ms', 'advance_ms would move the clock past the year 9999');
  const change: ClockChange = {};
  if (fields.frozen !== undefined) change.frozen = fields.frozen;
  if (setTo !== undefined) change.setTo = setTo;
  if (fields.advanceMs !== undefined) change.advanceMs = fields.advanceMs;
  return change;
}
