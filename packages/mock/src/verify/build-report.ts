// A finished (or stopped) run → the report, its outcome and exit status.
import { cliVersion } from '../cli/main.js';
import { DEFAULT_PROPAGATION_MS } from '../core/langwatch/create.js';
import type { VerifySettings } from './args.js';
import type { CleanupReport } from './cleanup.js';
import type { PropagationBound } from './compare.js';
import { createPlanContext } from './context.js';
import type { Propagation } from './observation.js';
import { countResults, reportStep, type Outcome, type VerifyReport } from './report.js';
import type { RunResult } from './runner.js';
import { PARTS } from './scenario/index.js';
import type { Part, Step } from './step.js';

export const EXIT_SAME = 0;
export const EXIT_DRIFT = 1;
export const EXIT_USAGE = 2;
export const EXIT_SIGNAL: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

/** The documented bound on propagation ("within ~60s"), with the "~" as 10 %. */
export const PROPAGATION_BOUND: PropagationBound = { boundMs: DEFAULT_PROPAGATION_MS, slack: 0.1 };

export interface FinishedRun {
  settings: VerifySettings;
  steps: readonly Step[];
  skipped: ReadonlyMap<Part, string>;
  runName: string;
  startedAt: Date;
  result: RunResult;
  cleanup: CleanupReport;
  /** The signal that stopped it, if one did. */
  signal: NodeJS.Signals | undefined;
}

export function buildReport({ settings, steps, skipped, runName, startedAt, result, cleanup, signal }: FinishedRun): VerifyReport {
  const plan = createPlanContext(runName);
  const reported = steps.map((step) => reportStep(step, result.outcomes.get(step.id), plan, PROPAGATION_BOUND));
  const summary = countResults(reported);
  const outcome: Outcome = signal ? 'interrupted' : result.unreachable !== null ? 'unreachable' : summary.differs > 0 ? 'drift' : 'same';
  const verdict = signal ? (EXIT_SIGNAL[signal] ?? 128) : outcome === 'unreachable' ? EXIT_USAGE : outcome === 'drift' ? EXIT_DRIFT : EXIT_SAME;
  const mock = propagationOf(result, 'mock');
  const target = propagationOf(result, 'target');
  return {
    report_version: 1,
    tool: `revokit-mock verify ${cliVersion()}`,
    started_at: startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    target: { api: settings.target, gateway: settings.gateway, vine: settings.vine ?? null },
    reference: { revoked_status: settings.revokedKeyStatus, propagation_ms: DEFAULT_PROPAGATION_MS },
    outcome,
    // A key left active must not pass unnoticed in CI, whatever the comparison found.
    exit_code: cleanup.failed.length > 0 && verdict === EXIT_SAME ? EXIT_DRIFT : verdict,
    error: signal ? `stopped by ${signal}` : result.unreachable,
    parts: PARTS.map((name) => ({ name, ran: !skipped.has(name), skipped_because: skipped.get(name) ?? null })),
    summary,
    propagation: {
      bound_ms: PROPAGATION_BOUND.boundMs,
      timeout_ms: settings.propagationTimeoutMs,
      mock_ms: mock && Math.round(mock.elapsedMs),
      target_ms: target && Math.round(target.elapsedMs),
      target_rejected: target?.rejected ?? null,
    },
    steps: reported,
    cleanup,
  };
}

/** What the propagation step measured on one side, if it ran there. */
function propagationOf(result: RunResult, side: 'mock' | 'target'): Propagation | null {
  const outcome = result.outcomes.get('gateway.propagation');
  const observation = outcome?.kind === 'ran' ? outcome[side] : undefined;
  return observation?.kind === 'answered' ? observation.propagation : null;
}
