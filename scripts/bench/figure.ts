// The shape every benchmark part reports: our figure beside a baseline measured in the same run.
export interface Figure {
  /** Stable key, e.g. "server.vine-revoke.vs-prism". */
  id: string;
  /** Row label in the printed table. */
  label: string;
  /** Our figure. */
  value: number;
  unit: string;
  /** The same quantity for the baseline, measured in the same run. */
  baseline: { label: string; value: number };
  /** value / baseline.value. */
  ratio: number;
  /** The target for the ratio, if any. */
  target?: { op: '>=' | '<='; ratio: number };
  /** Whether the ratio meets the target; absent when there is no target. */
  pass?: boolean;
  note?: string;
}

export interface BenchContext {
  /** A few seconds in all: CI runs the bench only to keep it working. */
  smoke: boolean;
  /** Progress lines (stderr). */
  log(line: string): void;
  /** Repository root, absolute, with a trailing slash. */
  root: string;
}

export interface BenchPart {
  name: string;
  run(context: BenchContext): Promise<Figure[]>;
}

export function figure(init: Omit<Figure, 'ratio' | 'pass'>): Figure {
  const ratio = init.value / init.baseline.value;
  const pass = init.target === undefined ? undefined : init.target.op === '>=' ? ratio >= init.target.ratio : ratio <= init.target.ratio;
  return { ...init, ratio, ...(pass === undefined ? {} : { pass }) };
}
