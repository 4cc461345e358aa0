// What `revokit-mock verify` does, minus the process: flags, the plan or the run, the cleanup,
// the report. Returns the exit status; process.ts adds signals.
import { UsageError } from '../cli/args.js';
import { cliVersion } from '../cli/main.js';
import { DEFAULT_PROPAGATION_MS } from '../core/langwatch/create.js';
import { parseVerifyArgs, type VerifySettings } from './args.js';
import { cleanUp, createRegistry, type CleanupReport } from './cleanup.js';
import type { PropagationBound } from './compare.js';
import { createPlanContext, createSideContext } from './context.js';
import { verifyHelpText } from './help.js';
import { createOutputGuard } from './output.js';
import { credentialsFrom, skippedParts, type Environment } from './parts.js';
import { renderPlan } from './plan.js';
import { createReference } from './reference-side.js';
import { countResults, reportStep, type Outcome, type VerifyReport } from './report.js';
import { renderTable } from './render-table.js';
import { runScenario, type RunResult } from './runner.js';
import { PARTS, scenario } from './scenario/index.js';
import type { CredentialName, Step } from './step.js';
import { checkReachable, createTargetSide } from './target-side.js';

export interface VerifyIo {
  out(text: string): void;
  err(text: string): void;
}

export interface VerifySignals {
  /** Aborted by the first Ctrl-C/SIGTERM: the run stops and cleans up. */
  stop: AbortSignal;
  /** Aborted by a second one: everything stops. */
  abort: AbortSignal;
  /** The signal that stopped the run, if one did. */
  received(): NodeJS.Signals | undefined;
}

export const EXIT_SAME = 0;
export const EXIT_DRIFT = 1;
export const EXIT_USAGE = 2;
const EXIT_SIGNAL: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

/** The documented bound on propagation ("within ~60s"), with the "~" as 10 %. */
export const PROPAGATION_BOUND: PropagationBound = { boundMs: DEFAULT_PROPAGATION_MS, slack: 0.1 };

export async function runVerify(argv: readonly string[], env: Environment, io: VerifyIo, signals: VerifySignals, steps: readonly Step[] = scenario): Promise<number> {
  const guard = createOutputGuard();
  const credentials = credentialsFrom(env);
  for (const value of Object.values(credentials)) guard.learn(value);
  const fail = (message: string, code = EXIT_USAGE) => {
    io.err(guard.redact(`revokit-mock verify: ${message.replace(/^verify: /, '')}\n`));
    return code;
  };

  let settings: VerifySettings;
  try {
    const command = parseVerifyArgs(argv);
    if (command.kind === 'help') {
      io.out(verifyHelpText());
      return EXIT_SAME;
    }
    const { kind: _kind, ...rest } = command;
    settings = rest;
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    throw error;
  }

  const skipped = skippedParts(settings, credentials);
  const runName = `revokit-verify-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  if (settings.dryRun) {
    io.out(guard.redact(renderPlan(steps, settings, skipped, runName)));
    return EXIT_SAME;
  }
  if (PARTS.every((part) => skipped.has(part))) {
    return fail('nothing to verify: set LANGWATCH_API_KEY and LANGWATCH_PROVIDER_CREDENTIAL_ID (virtual keys, gateway), LANGWATCH_ADMIN_API_KEY (admin API keys), or give --vine <url> (see verify --help)');
  }

  const userAgent = `revokit-mock-verify/${cliVersion()}`;
  const urls = { api: settings.target, gateway: settings.gateway, ...(settings.vine ? { vine: settings.vine } : {}) };
  const used = new Set(steps.filter((step) => !skipped.has(step.part)).map((step) => urls[step.request(createPlanContext(runName)).plane as keyof typeof urls]));
  for (const url of used) {
    if (url === undefined) continue;
    let reason: string | undefined;
    try {
      reason = await checkReachable(url, signals.stop, userAgent);
    } catch (error) {
      const signal = signals.received();
      if (signal) return fail(`stopped by ${signal} before anything was sent`, EXIT_SIGNAL[signal] ?? 128);
      throw error;
    }
    if (reason !== undefined) return fail(`cannot reach ${url}: ${reason}`);
  }

  const startedAt = new Date();
  const reference = createReference({ revokedKeyStatus: settings.revokedKeyStatus });
  for (const value of Object.values(reference.credentials)) guard.learn(value);
  const targetSide = createTargetSide({ urls, userAgent });
  const registry = createRegistry();
  let result: RunResult | undefined;
  let cleanup: CleanupReport;
  let crash: unknown;
  try {
    result = await runScenario({
      steps,
      skipped,
      mock: { side: reference.side, context: createSideContext(runName, reference.credentials, guard.learn) },
      target: { side: targetSide, context: createSideContext(runName, credentials as Record<CredentialName, string>, guard.learn) },
      registry,
      propagationTimeoutMs: settings.propagationTimeoutMs,
      stop: signals.stop,
      abort: signals.abort,
      onWaiting: (_step, timeoutMs) => io.err(`revokit-mock verify: calling the gateway with the revoked key's secret until it is refused (up to ${timeoutMs / 1000} s)…\n`),
    });
  } catch (error) {
    crash = error;
  } finally {
    cleanup = await cleanUp(registry, targetSide, credentials, [runName, `${runName}-refused`], signals.abort);
  }
  if (crash !== undefined || result === undefined) {
    io.err(guard.redact(renderCleanupOnly(cleanup)));
    return fail(`internal error: ${(crash as Error)?.stack ?? String(crash)}`);
  }

  const plan = createPlanContext(runName);
  const reportedSteps = steps.map((step) => reportStep(step, result.outcomes.get(step.id), plan, PROPAGATION_BOUND));
  const summary = countResults(reportedSteps);
  const signal = signals.received();
  const outcome: Outcome = signal ? 'interrupted' : result.unreachable !== null ? 'unreachable' : summary.differs > 0 ? 'drift' : 'same';
  const verdict = signal ? (EXIT_SIGNAL[signal] ?? 128) : outcome === 'unreachable' ? EXIT_USAGE : outcome === 'drift' ? EXIT_DRIFT : EXIT_SAME;
  // A key left active must not pass unnoticed in CI, whatever the comparison found.
  const exitCode = cleanup.failed.length > 0 && verdict === EXIT_SAME ? EXIT_DRIFT : verdict;
  const propagation = (side: 'mock' | 'target') => {
    const outcome = result.outcomes.get('gateway.propagation');
    const observation = outcome?.kind === 'ran' ? outcome[side] : undefined;
    return observation?.kind === 'answered' ? observation.propagation : null;
  };
  const report: VerifyReport = {
    report_version: 1,
    tool: `revokit-mock verify ${cliVersion()}`,
    started_at: startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    target: { api: settings.target, gateway: settings.gateway, vine: settings.vine ?? null },
    reference: { revoked_status: settings.revokedKeyStatus, propagation_ms: DEFAULT_PROPAGATION_MS },
    outcome,
    exit_code: exitCode,
    error: signal ? `stopped by ${signal}` : result.unreachable,
    parts: PARTS.map((name) => ({ name, ran: !skipped.has(name), skipped_because: skipped.get(name) ?? null })),
    summary,
    propagation: {
      bound_ms: PROPAGATION_BOUND.boundMs,
      timeout_ms: settings.propagationTimeoutMs,
      mock_ms: propagation('mock') && Math.round(propagation('mock')!.elapsedMs),
      target_ms: propagation('target') && Math.round(propagation('target')!.elapsedMs),
      target_rejected: propagation('target')?.rejected ?? null,
    },
    steps: reportedSteps,
    cleanup,
  };
  io.out(guard.redact(settings.json ? `${JSON.stringify(report, null, 2)}\n` : renderTable(report)));
  return exitCode;
}

function renderCleanupOnly(cleanup: CleanupReport): string {
  const lines = [`revokit-mock verify: revoked ${cleanup.created.filter((entry) => entry.revoked_by !== null).length} of ${cleanup.created.length} keys this run created`];
  for (const failure of cleanup.failed) lines.push(`  NOT REVOKED: ${failure.kind} ${failure.id} (${failure.reason}): revoke it by hand`);
  return `${lines.join('\n')}\n`;
}
