// Bodies of POST /__mock/clock and POST /__mock/faults, checked field by field.
import type { FaultSpec } from '../core/faults.js';
import { InputError, readFields } from './fields.js';

/** Years 0000 to 9999: every time the clock can reach must still print as ISO 8601. */
const MIN_EPOCH_MS = Date.parse('0000-01-01T00:00:00.000Z');
const MAX_EPOCH_MS = Date.parse('9999-12-31T23:59:59.999Z');
/** Headers that frame the message: a fault must not be able to break the connection's framing. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer']);

export interface ClockChange {
  frozen?: boolean;
  setTo?: number;
  advanceMs?: number;
}

export function readClockChange(body: unknown, now: number): ClockChange {
  const fields = readFields(body, '', ['advance_ms', 'now', 'frozen']);
  if (!fields.has('advance_ms') && !fields.has('now') && !fields.has('frozen')) {
    throw new InputError('body', 'body needs at least one of advance_ms, now, frozen');
  }
  if (fields.has('advance_ms') && fields.has('now')) throw new InputError('now', 'now and advance_ms exclude each other: send one');
  const frozen = fields.boolean('frozen');
  const setTo = fields.isoDate('now');
  const advanceMs = fields.integer('advance_ms', 0, Number.MAX_SAFE_INTEGER);
  if (setTo !== undefined && (setTo < MIN_EPOCH_MS || setTo > MAX_EPOCH_MS)) throw new InputError('now', 'now must lie between the years 0000 and 9999');
  if (advanceMs !== undefined && now + advanceMs > MAX_EPOCH_MS) throw new InputError('advance_ms', 'advance_ms would move the clock past the year 9999');
  const change: ClockChange = {};
  if (frozen !== undefined) change.frozen = frozen;
  if (setTo !== undefined) change.setTo = setTo;
  if (advanceMs !== undefined) change.advanceMs = advanceMs;
  return change;
}

export function readFault(body: unknown, operationIds: readonly string[]): { operationId: string; fault: FaultSpec } {
  const fields = readFields(body, '', ['operation_id', 'status', 'delay_ms', 'network_error', 'drop_response', 'headers', 'body', 'times']);
  const operationId = fields.string('operation_id');
  if (operationId === undefined) throw new InputError('operation_id', `operation_id is required: one of ${operationIds.join(', ')}`);
  if (!operationIds.includes(operationId)) {
    throw new InputError('operation_id', `unknown operation_id ${JSON.stringify(operationId.slice(0, 100))}: expected one of ${operationIds.join(', ')}`);
  }
  const fault: FaultSpec = {};
  const status = fields.integer('status', 400, 599);
  const delayMs = fields.integer('delay_ms', 0, 600_000);
  const networkError = fields.boolean('network_error');
  const dropResponse = fields.boolean('drop_response');
  const headers = fields.stringMap('headers');
  const text = fields.string('body');
  const times = fields.integer('times', 1, 1_000_000);
  if ([status !== undefined, networkError === true, dropResponse === true].filter(Boolean).length > 1) {
    throw new InputError('status', 'status, network_error and drop_response exclude each other: send at most one');
  }
  if (text !== undefined && status === undefined) throw new InputError('body', 'body needs status: it replaces the error envelope of that status');
  if (headers !== undefined) {
    for (const [name, value] of Object.entries(headers)) {
      // Node refuses invalid header names and values when writing; refuse them here instead.
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new InputError(`headers.${name}`, `headers: ${JSON.stringify(name)} is not a valid header name`);
      if (FRAMING_HEADERS.has(name.toLowerCase())) throw new InputError(`headers.${name}`, `headers: ${name} frames the response and cannot be injected`);
      if (/[^\t\x20-\x7e\x80-\xff]/.test(value)) throw new InputError(`headers.${name}`, `headers.${name} contains characters not allowed in a header value`);
    }
  }
  if (status !== undefined) fault.status = status;
  if (delayMs !== undefined) fault.delayMs = delayMs;
  if (networkError !== undefined) fault.networkError = networkError;
  if (dropResponse !== undefined) fault.dropResponse = dropResponse;
  if (headers !== undefined) fault.headers = headers;
  if (text !== undefined) fault.body = text;
  if (times !== undefined) fault.times = times;
  return { operationId, fault };
}
