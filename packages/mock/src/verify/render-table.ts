// The report as text: one row per step (step | mock | target | result), every difference under
// it with the row or option that explains it, then the summary.
import { formatSeconds } from './compare.js';
import type { ReportedStep, VerifyReport } from './report.js';

const RESULT_WORD: Record<ReportedStep['result'], string> = { same: 'same', documented: 'documented', differs: 'DIFFERS', skipped: 'skipped', not_run: 'not run' };

export function renderTable(report: VerifyReport): string {
  const lines: string[] = [];
  const { target } = report;
  const gateway = target.gateway === target.api ? 'same URL' : target.gateway;
  lines.push(`${report.tool}: ${target.api} (gateway: ${gateway}; Vine: ${target.vine ?? 'not asked'})`);
  lines.push(`against a fresh in-process mock (revoked keys get ${report.reference.revoked_status}, propagation ${formatSeconds(report.reference.propagation_ms)})`, '');

  const rows = report.steps.map((step) => [step.id, step.mock?.label ?? '', step.target?.label ?? '', RESULT_WORD[step.result]]);
  const header = ['step', 'mock', 'target', 'result'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
  lines.push(line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line));

  const noted = report.steps.filter((step) => step.differences.length > 0);
  if (noted.length > 0) {
    lines.push('', 'Differences:');
    for (const step of noted) {
      lines.push(`  ${step.id} (${step.method} ${step.path}):`);
      for (const difference of step.differences) {
        lines.push(`    - ${difference.message}`);
        if (difference.documented) lines.push(`      documented: ${difference.documented.note} (docs/divergences.md, ${difference.documented.section}: "${difference.documented.row}")`);
        else if (difference.modelled_by) lines.push(`      ${difference.modelled_by.note}: the mock models it with ${difference.modelled_by.option} (run verify with ${difference.modelled_by.option} to check the mock in that mode)`);
      }
    }
  }
  const skipped = report.parts.filter((part) => !part.ran);
  if (skipped.length > 0) lines.push('', ...skipped.map((part) => `Skipped: ${part.name} (${part.skipped_because})`));

  const { summary, propagation, cleanup } = report;
  lines.push(
    '',
    `${summary.steps} steps: ${summary.same} same, ${summary.differs} differ, ${summary.documented} documented, ${summary.skipped} skipped, ${summary.not_run} not run.`,
  );
  if (propagation.mock_ms !== null || propagation.target_ms !== null) {
    const targetPart = propagation.target_ms === null ? 'not measured on the target' : `${propagation.target_rejected ? '' : 'still accepted after '}${formatSeconds(propagation.target_ms)} on the target`;
    const mockPart = propagation.mock_ms === null ? 'not measured on the mock' : `${formatSeconds(propagation.mock_ms)} on the mock`;
    lines.push(`Propagation: ${targetPart}, ${mockPart} (documented bound ~${propagation.bound_ms / 1000} s).`);
  }
  const revokedAtEnd = cleanup.created.filter((entry) => entry.revoked_by === 'cleanup').length;
  const revoked = cleanup.created.filter((entry) => entry.revoked_by !== null).length;
  lines.push(`Cleanup: ${cleanup.created.length} created on the target, ${revoked} revoked (${revokedAtEnd} at the end).`);
  for (const failure of cleanup.failed) lines.push(`  NOT REVOKED: ${failure.kind} ${failure.id} (${failure.reason}): revoke it by hand`);
  if (report.error) lines.push(`Error: ${report.error}`);
  lines.push(`Result: ${report.outcome} (exit ${report.exit_code})`);
  return `${lines.join('\n')}\n`;
}
