// What `revokit-mock` does, minus the process: parse flags, read the seed file, start the
// server, print the banner. Returns an exit code, or the running server. cli.ts adds signals.
import { DEFAULT_GRACE_MS, DEFAULT_PROPAGATION_MS, DEFAULT_REVOKED_KEY_STATUS } from '../core/index.js';
import { createMockServer, type MockServer, type SeedPlan } from '../server.js';
import { packageVersion } from '../version.js';
import { FLAG_NAMES, parseCliArgs, UsageError, type RunSettings } from './args.js';
import { flagsNpmKept, npmFlagHint } from './npm-flags.js';
import { formatBanner, formatBannerJson } from './banner.js';
import { helpText } from './help.js';
import { readSeedFile } from './seed-file.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export type CliResult = { exitCode: number } | { server: MockServer; settings: RunSettings };

export const EXIT_USAGE = 2;
export const EXIT_START_FAILED = 1;

/** The version in @revokit/mock's package.json. */
export const cliVersion = packageVersion;

/** Under `--log json` every line the CLI writes is JSON, errors included. Read off argv, as the error may be in the flags themselves. */
export const wantsJson = (argv: readonly string[]) => argv.some((arg, i) => arg === '--log=json' || (arg === '--log' && argv[i + 1] === 'json'));

/** A one-line startup error, on stderr, as text or as a JSON line. */
function reportError(io: CliIo, argv: readonly string[], message: string, event: 'error' | 'warning' = 'error'): void {
  io.err(wantsJson(argv) ? `${JSON.stringify({ event, message })}\n` : `revokit-mock: ${event === 'warning' ? 'warning: ' : ''}${message}\n`);
}

/** The line written once the server has stopped. */
export function formatStopped(log: RunSettings['log'], signal: string): string {
  return log === 'json' ? `${JSON.stringify({ event: 'stopped', signal })}\n` : `revokit-mock stopped (${signal})\n`;
}

/**
 * `beforeBanner` runs once the server listens and before the banner is printed: the process
 * installs its signal handlers there, so that whoever waits for the banner can already stop it.
 */
export async function runCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo,
  beforeBanner?: (server: MockServer, settings: RunSettings) => void,
): Promise<CliResult> {
  let settings: RunSettings;
  let seed: SeedPlan | undefined;
  const npmKept = flagsNpmKept(env, FLAG_NAMES);
  try {
    const command = parseCliArgs(argv, env);
    if (command.kind === 'help') {
      io.out(helpText());
      return { exitCode: 0 };
    }
    if (command.kind === 'version') {
      io.out(`${cliVersion()}\n`);
      return { exitCode: 0 };
    }
    const { kind: _kind, ...rest } = command;
    settings = rest;
    if (settings.seedPath !== undefined) seed = readSeedFile(settings.seedPath);
  } catch (error) {
    if (error instanceof UsageError) {
      reportError(io, argv, npmKept.length > 0 ? `${error.message} (${npmFlagHint(npmKept, env.npm_lifecycle_event)})` : error.message);
      return { exitCode: EXIT_USAGE };
    }
    throw error;
  }

  const server = createMockServer({
    graceMs: settings.graceMs,
    propagationMs: settings.propagationMs,
    revokedKeyStatus: settings.revokedKeyStatus,
    clock: settings.clock,
    demo: settings.demo,
    seed,
    log: settings.log,
    writeLogLine: (line) => io.out(`${line}\n`),
    sessionTtlMs: settings.sessionTtlMs,
    maxSessions: settings.maxSessions,
    requireSession: settings.requireSession,
    controlToken: settings.controlToken,
    corsOrigins: settings.corsOrigins,
    allowedHosts: settings.allowedHosts,
  });
  let url: string;
  try {
    url = await server.listen({ host: settings.host, port: settings.port });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'EADDRINUSE' ? 'the port is in use' : code === 'EADDRNOTAVAIL' ? 'no such local address' : (error as Error).message;
    reportError(io, argv, `cannot listen on ${settings.host}:${settings.port}: ${reason}`);
    return { exitCode: EXIT_START_FAILED };
  }
  const banner = {
    version: cliVersion(),
    url,
    credentials: server.credentials,
    clock: settings.clock,
    graceMs: settings.graceMs ?? DEFAULT_GRACE_MS,
    propagationMs: settings.propagationMs ?? DEFAULT_PROPAGATION_MS,
    sessions: { ttlMs: server.sessions.ttlMs, max: server.sessions.max, required: settings.requireSession },
    controlToken: server.controlToken,
    revokedKeyStatus: settings.revokedKeyStatus ?? DEFAULT_REVOKED_KEY_STATUS,
  };
  beforeBanner?.(server, settings);
  io.out(settings.log === 'json' ? formatBannerJson(banner) : formatBanner(banner));
  // Started anyway (`npm start --port=0`: npm took the whole flag): on the default port, say why.
  if (npmKept.length > 0) reportError(io, argv, npmFlagHint(npmKept, env.npm_lifecycle_event), 'warning');
  return { server, settings };
}
