import { describe, expect, it } from 'vitest';
import { cellPassed, formatMatrix, type Cell } from './matrix.ts';

const passed: Cell = { kind: 'ran', seconds: 12, steps: [{ name: 'a', ok: true, detail: '' }] };
const failed: Cell = { kind: 'ran', seconds: 3, steps: [{ name: 'a', ok: true, detail: '' }, { name: 'b', ok: false, detail: 'boom' }] };
const skipped: Cell = { kind: 'skipped', reason: 'msw 3.0.5 needs Node >=22.12.0' };

describe('compat matrix', () => {
  it('fails a cell when any of its steps failed; a cell that could not run is not a failure', () => {
    expect([passed, failed, skipped].map(cellPassed)).toEqual([true, false, true]);
  });

  it('prints one row per Node and one column per toolchain', () => {
    const text = formatMatrix({ rows: ['Node v20.20.2', 'Node v22.23.3'], columns: ['msw 2', 'msw 3'], cells: [[passed, skipped], [passed, failed]] });
    expect(text.split('\n')).toEqual([
      '                msw 2                    msw 3',
      'Node v20.20.2   pass (1/1 steps, 12 s)   n/a (msw 3.0.5 needs Node >=22.12.0)',
      'Node v22.23.3   pass (1/1 steps, 12 s)   FAIL (1/2 steps, 3 s)',
    ]);
  });
});
