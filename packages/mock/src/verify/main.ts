// What `revokit-mock verify` does, minus the process: flags, the plan or the run, the cleanup,
// the report. Returns the exit status; process.ts adds signals.
import { UsageError } from '../cli/args.js';
import { cliVersion } from '../cli/main.js';
import { parseVerifyArgs, type VerifySettings } from './args.js';
import { buildReport, EXIT_SAME, EXIT_SIGNAL, EXIT_USAGE } from './build-report.js';
import { cleanUp, createRegistry, type CleanupReport } from './cleanup.js';
import { createPlanContext, createSideContext } from './context.js';
import { verifyHelpText } from './help.js';
import { createOutputGuard } from './output.js';
import { credentialsFrom, skippedParts, type Environment } from './parts.js';
import { renderPlan } from './plan.js';
import { createReference } from './reference-side.js';
import { renderTable } from './render-table.js';
import { runScenario, type RunResult } from './runner.js';
import { PARTS, scenario } from './scenario/index.js';
import type { CredentialName, Step } from './step.js';
import { createTargetSide, firstUnreachable } from './target-side.js';

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
  const plan = createPlanContext(runName);
  const used = new Set(steps.filter((step) => !skipped.has(step.part)).map((step) => urls[step.request(plan).plane as keyof typeof urls]!));
  let unreachable: Awaited<ReturnType<typeof firstUnreachable>>;
  try {
    unreachable = await firstUnreachable(used, signals.stop, userAgent);
  } catch (error) {
    const signal = signals.received();
    if (signal) return fail(`stopped by ${signal} before anything was sent`, EXIT_SIGNAL[signal] ?? 128);
    throw error;
  }
  if (unreachable) return fail(`cannot reach ${unreachable.url}: ${unreachable.reason}`);

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

  const report = buildReport({ settings, steps, skipped, runName, startedAt, result, cleanup, signal: signals.received() });
  io.out(guard.redact(settings.json ? `${JSON.stringify(report, null, 2)}\n` : renderTable(report)));
  return report.exit_code;
}

function renderCleanupOnly(cleanup: CleanupReport): string {
  const lines = [`revokit-mock verify: revoked ${cleanup.created.filter((entry) => entry.revoked_by !== null).length} of ${cleanup.created.length} keys this run created`];
  for (const failure of cleanup.failed) lines.push(`  NOT REVOKED: ${failure.kind} ${failure.id} (${failure.reason}): revoke it by hand`);
  return `${lines.join('\n')}\n`;
}
