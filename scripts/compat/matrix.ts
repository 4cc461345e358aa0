// Prints the compat matrix: one row per Node, one column per toolchain, pass/fail per cell,
// then each cell step by step.
import { printSteps, type StepResult } from '../support/steps.ts';

export type Cell = { kind: 'skipped'; reason: string } | { kind: 'ran'; steps: StepResult[]; seconds: number };

export interface Matrix {
  rows: string[];
  columns: string[];
  /** cells[row][column] */
  cells: Cell[][];
}

export function cellPassed(cell: Cell): boolean {
  return cell.kind === 'skipped' || cell.steps.every((result) => result.ok);
}

export function formatMatrix({ rows, columns, cells }: Matrix): string {
  const text = (cell: Cell) =>
    cell.kind === 'skipped' ? `n/a (${cell.reason})` : `${cellPassed(cell) ? 'pass' : 'FAIL'} (${cell.steps.filter((s) => s.ok).length}/${cell.steps.length} steps, ${cell.seconds} s)`;
  const table = [['', ...columns], ...rows.map((row, r) => [row, ...cells[r]!.map(text)])];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((line) => line[c]!.length)));
  return table.map((line) => line.map((value, c) => value.padEnd(widths[c]!)).join('   ').trimEnd()).join('\n');
}

/** Every step of every cell that ran; a failed step with what went wrong. */
export function printCells({ rows, columns, cells }: Matrix): void {
  rows.forEach((row, r) =>
    columns.forEach((column, c) => {
      const cell = cells[r]![c]!;
      if (cell.kind !== 'ran') return;
      console.log(`\n${row}, ${column}:`);
      printSteps(cell.steps, '  ');
    }),
  );
}
