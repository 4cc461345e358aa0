import { describe, expect, it } from 'vitest';
import { createFaults } from './faults.js';

describe('faults', () => {
  it('applies a fault to the next request only, or `times` times', () => {
    const faults = createFaults(['op']);
    faults.next('op', { status: 503, times: 2 });
    faults.next('op', { networkError: true });
    expect(faults.take('op')).toEqual({ status: 503, times: 2 });
    expect(faults.pending()).toEqual([
      { operationId: 'op', status: 503, times: 1 },
      { operationId: 'op', networkError: true, times: 1 },
    ]);
    expect(faults.take('op')?.status).toBe(503);
    expect(faults.take('op')).toEqual({ networkError: true });
    expect(faults.take('op')).toBeUndefined();
  });

  it('accepts exactly the known operation names', () => {
    const faults = createFaults(['postApiV1KeysByIdRevoke']);
    // @ts-expect-error only the mock's operation names type-check
    expect(() => faults.next('revokeKey', { status: 500 })).toThrow(/unknown operation "revokeKey"/);
  });

  it.each([
    [{ status: 200 }, /400 to 599/],
    [{ status: 700 }, /400 to 599/],
    [{ delayMs: -1 }, /delayMs/],
    [{ times: 0 }, /times/],
    [{ status: 500, networkError: true }, /at most one/],
    [{ headers: { 'retry-after': 1 } }, /headers/],
  ])('rejects %j and queues nothing', (fault, message) => {
    const faults = createFaults(['op']);
    expect(() => faults.next('op', fault as never)).toThrow(message);
    expect(faults.pending()).toEqual([]);
  });
});
