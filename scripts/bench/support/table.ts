// The printed report: one row per figure (ours, the baseline, the ratio, the target, the
// verdict), then each row's note, then the parts that could not run.
import type { Figure } from '../figure.ts';

export interface PartRecord {
  name: string;
  ok: boolean;
  durationMs: number;
  error?: string;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}x`;
}

function verdict(figure: Figure): string {
  if (figure.pass === undefined) return 'no target';
  return figure.pass ? 'pass' : 'MISS';
}

export function formatReport(figures: readonly Figure[], parts: readonly PartRecord[]): string {
  const header = ['#', 'figure', 'ours', 'baseline', 'ratio', 'target', ''];
  const rows = figures.map((f, i) => [
    String(i + 1),
    f.label,
    `${formatNumber(f.value)} ${f.unit}`,
    `${f.baseline.label}: ${formatNumber(f.baseline.value)} ${f.unit}`,
    formatRatio(f.ratio),
    f.target ? `${f.target.op} ${f.target.ratio}x` : '-',
    verdict(f),
  ]);
  const widths = header.map((_, c) => Math.max(header[c]!.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 || c === 2 || c === 4 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const notes = figures.flatMap((f, i) => (f.note ? [`  ${i + 1}. ${f.note}`] : []));
  if (notes.length > 0) out.push('', ...notes);
  const failed = parts.filter((p) => !p.ok);
  if (failed.length > 0) out.push('', 'Parts that could not run:', ...failed.map((p) => `  ${p.name}: ${p.error}`));
  return out.join('\n');
}
