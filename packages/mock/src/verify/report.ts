// The report: one JSON document (`--json`, its shape in docs/verify.md) that the table is also
// drawn from. Every field is always present (null when it does not apply), so a program reading
// it needs no guesswork. It holds no body and no secret: only statuses, error strings, field
// paths, JSON types, facts and the shapes of values that broke a format rule.
import type { CleanupReport } from './cleanup.js';
import { compareObservations, formatSeconds, type PropagationBound } from './compare.js';
import { explain, type Explained } from './explain.js';
import type { Shown } from './known-differences.js';
import { planPath } from './context.js';
import type { Observation } from './observation.js';
import type { StepOutcome } from './runner.js';
import type { Method, Part, Plane, Step, StepContext } from './step.js';

export type StepResult = 'same' | 'documented' | 'differs' | 'skipped' | 'not_run';
export type Outcome = 'same' | 'drift' | 'interrupted' | 'unreachable';

export interface SideSummary {
  answered: boolean;
  status: number | null;
  /** What the table shows: the status and the error's code (or type, or `error` string), the propagation time. */
  label: string;
  propagation_ms: number | null;
}

export interface ReportedDifference {
  aspect: Explained['aspect'];
  path: string | null;
  mock: Shown;
  target: Shown;
  message: string;
  documented: { id: string; section: string; row: string; note: string } | null;
  modelled_by: { id: string; option: string; section: string; row: string; note: string } | null;
}

export interface ReportedStep {
  id: string;
  part: Part;
  title: string;
  method: Method;
  plane: Plane;
  /** The path with what the run learns named (`/api/gateway/v1/virtual-keys/{vk.id}/rotate`). */
  path: string;
  result: StepResult;
  reason: string | null;
  mock: SideSummary | null;
  target: SideSummary | null;
  differences: ReportedDifference[];
}

export interface VerifyReport {
  report_version: 1;
  tool: string;
  started_at: string;
  finished_at: string;
  target: { api: string; gateway: string; vine: string | null };
  reference: { revoked_status: 401 | 403; propagation_ms: number };
  outcome: Outcome;
  exit_code: number;
  error: string | null;
  parts: Array<{ name: Part; ran: boolean; skipped_because: string | null }>;
  summary: Record<StepResult, number> & { steps: number };
  propagation: { bound_ms: number; timeout_ms: number; mock_ms: number | null; target_ms: number | null; target_rejected: boolean | null };
  steps: ReportedStep[];
  cleanup: CleanupReport;
}

export function reportStep(step: Step, outcome: StepOutcome | undefined, plan: StepContext, bound: PropagationBound): ReportedStep {
  const request = step.request(plan);
  const base = { id: step.id, part: step.part, title: step.title, method: request.method, plane: request.plane, path: planPath(request.path) };
  if (outcome === undefined || outcome.kind !== 'ran') {
    return { ...base, result: outcome?.kind === 'skipped' ? 'skipped' : 'not_run', reason: outcome?.reason ?? 'not reached', mock: null, target: null, differences: [] };
  }
  // A side that could not run the step lacked what an earlier step should have given it: that
  // earlier step is the difference, this one only its consequence.
  const missing = [outcome.mock, outcome.target].find((observation) => observation.kind === 'not-run');
  if (missing?.kind === 'not-run') {
    const side = outcome.target.kind === 'not-run' ? 'target' : 'mock';
    const both = outcome.mock.kind === outcome.target.kind;
    return { ...base, result: 'not_run', reason: both ? missing.reason : `not run on the ${side}: ${missing.reason}`, mock: summary(outcome.mock), target: summary(outcome.target), differences: [] };
  }
  const differences = compareObservations(outcome.mock, outcome.target, bound).map((difference) => reported(explain(step.id, request.plane, difference)));
  const drift = differences.some((difference) => difference.documented === null);
  const result: StepResult = drift ? 'differs' : differences.length > 0 ? 'documented' : 'same';
  const reason = null;
  return { ...base, result, reason, mock: summary(outcome.mock), target: summary(outcome.target), differences };
}

function reported(difference: Explained): ReportedDifference {
  const { documented, modelledBy, ...rest } = difference;
  return {
    ...rest,
    documented: documented && { id: documented.id, section: documented.doc.section, row: documented.doc.row, note: documented.note },
    modelled_by: modelledBy && { id: modelledBy.id, option: modelledBy.option ?? '', section: modelledBy.doc.section, row: modelledBy.doc.row, note: modelledBy.note },
  };
}

function summary(observation: Observation): SideSummary {
  if (observation.kind === 'not-run') return { answered: false, status: null, label: 'not run', propagation_ms: null };
  const error = observation.error;
  const code = error ? (error['error.code'] ?? error['error.type'] ?? error.error ?? '') : '';
  let label = code ? `${observation.status} ${code.length > 28 ? `${code.slice(0, 27)}…` : code}` : String(observation.status);
  const propagation = observation.propagation;
  if (propagation) label += propagation.rejected ? ` after ${formatSeconds(propagation.elapsedMs)}` : ` still, after ${formatSeconds(propagation.elapsedMs)}`;
  return { answered: true, status: observation.status, label, propagation_ms: propagation ? Math.round(propagation.elapsedMs) : null };
}

export function countResults(steps: readonly ReportedStep[]): VerifyReport['summary'] {
  const counts = { steps: steps.length, same: 0, documented: 0, differs: 0, skipped: 0, not_run: 0 };
  for (const step of steps) counts[step.result] += 1;
  return counts;
}
