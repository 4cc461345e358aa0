// Command-line flags → validated server settings. Every mistake is a UsageError whose message
// is one line naming the flag, which the CLI prints before exiting with status 2.
import { parseArgs } from 'node:util';
import type { ClockMode } from '../core/clock.js';
import { MAX_DURATION_MS } from '../core/time-range.js';
import { normalizeOrigin } from '../server/wire/control-guard.js';
import type { LogFormat } from '../server/wire/request-log.js';
import { parseDuration } from './durations.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface RunSettings {
  host: string;
  port: number;
  graceMs: number | undefined;
  propagationMs: number | undefined;
  revokedKeyStatus: 401 | 403 | undefined;
  clock: ClockMode;
  seedPath: string | undefined;
  demo: boolean;
  log: LogFormat;
  sessionTtlMs: number | undefined;
  maxSessions: number | undefined;
  requireSession: boolean;
  controlToken: string | undefined;
  corsOrigins: string[];
  allowedHosts: string[];
}

/** The control token may come from the environment, where `ps` does not show it. */
export const CONTROL_TOKEN_ENV = 'REVOKIT_CONTROL_TOKEN';

export type CliCommand = { kind: 'help' } | { kind: 'version' } | ({ kind: 'run' } & RunSettings);

const FLAGS = {
  host: { type: 'string' },
  port: { type: 'string', short: 'p' },
  grace: { type: 'string' },
  propagation: { type: 'string' },
  'revoked-status': { type: 'string' },
  clock: { type: 'string' },
  seed: { type: 'string' },
  'no-demo': { type: 'boolean' },
  log: { type: 'string' },
  'session-ttl': { type: 'string' },
  'max-sessions': { type: 'string' },
  'require-session': { type: 'boolean' },
  'control-token': { type: 'string' },
  'cors-origin': { type: 'string', multiple: true },
  'allowed-host': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Every long flag's name ("port", "no-demo", …). */
export const FLAG_NAMES: readonly string[] = Object.keys(FLAGS);

const LOG_FORMATS: readonly LogFormat[] = ['pretty', 'json', 'silent'];
const CLOCK_MODES: readonly ClockMode[] = ['system', 'frozen'];

export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliCommand {
  let values: Partial<Record<keyof typeof FLAGS, string | boolean | string[]>>;
  try {
    ({ values } = parseArgs({ args: negativeValuesJoined(argv), options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const text = (flag: keyof typeof FLAGS) => values[flag] as string | undefined;
  const list = (flag: keyof typeof FLAGS) => (values[flag] as string[] | undefined) ?? [];
  return {
    kind: 'run',
    host: host(text('host')),
    port: port(text('port') ?? env.PORT, text('port') === undefined ? 'PORT' : '--port'),
    graceMs: addedToClock('--grace', text('grace')),
    propagationMs: addedToClock('--propagation', text('propagation')),
    revokedKeyStatus: revokedStatus(text('revoked-status')),
    clock: choice('--clock', text('clock'), CLOCK_MODES) ?? 'system',
    seedPath: nonEmpty('--seed', text('seed')),
    demo: values['no-demo'] !== true,
    log: choice('--log', text('log'), LOG_FORMATS) ?? 'pretty',
    sessionTtlMs: positiveDuration('--session-ttl', text('session-ttl')),
    maxSessions: count('--max-sessions', text('max-sessions')),
    requireSession: values['require-session'] === true,
    controlToken: text('control-token') !== undefined ? token('--control-token', text('control-token')) : token(CONTROL_TOKEN_ENV, env[CONTROL_TOKEN_ENV]),
    corsOrigins: list('cors-origin').map(origin),
    allowedHosts: list('allowed-host').map(allowedHost),
  };
}

/**
 * `--port -1` → `--port=-1`: parseArgs takes "-1" for a flag and would report a missing value;
 * joined, the value reaches its check and the message is about the value.
 */
function negativeValuesJoined(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const flags = FLAGS as Record<string, { type: string; short?: string }>;
    const name = arg.startsWith('--') ? arg.slice(2) : Object.keys(flags).find((key) => arg === `-${flags[key]!.short}`);
    if (name && flags[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return `unknown flag ${quoted} (see --help)`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && quoted) return `unexpected argument "${quoted}": revokit-mock takes flags, or the command verify (see --help)`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/argument missing|ambiguous/.test(message)) return `${flagOf(quoted)} needs a value`;
    if (/does not take an argument/.test(message)) return `${flagOf(quoted)} takes no value`;
  }
  return message.split('\n')[0]!;
}

/** "-p, --port <value>" → "--port". */
const flagOf = (quoted: string | undefined) => /--[a-z-]+/.exec(quoted ?? '')?.[0] ?? quoted ?? 'a flag';

function host(value: string | undefined): string {
  if (value === undefined) return '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]+$/.test(value) || value.length > 253) throw new UsageError(`--host: "${value}" is not a host name or IP address`);
  return value;
}

function port(value: string | undefined, source: string): number {
  if (value === undefined) return 4010;
  const n = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 0 && n <= 65535)) throw new UsageError(`${source}: "${value}" is not a port (an integer from 0 to 65535; 0 picks a free one)`);
  return n;
}

const DURATION_EXAMPLES = '(e.g. 500ms, 30s, 15m, 24h)';

function duration(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === undefined) throw new UsageError(`${flag}: "${value}" is not a duration ${DURATION_EXAMPLES}`);
  // A bare number is milliseconds, but "1.5" or "60" was surely meant in another unit: refused below 1,000.
  const bare = value.trim();
  if (/^[\d.]+$/.test(bare) && ms !== 0 && Number(bare) < 1000) {
    throw new UsageError(`${flag}: "${value}" has no unit: write ${bare}s, ${bare}m, ${bare}h or ${bare}ms ${DURATION_EXAMPLES}`);
  }
  return ms;
}

/** A duration added to the mock clock's instants (grace, propagation): its end must stay a date. */
function addedToClock(flag: string, value: string | undefined): number | undefined {
  const ms = duration(flag, value);
  if (ms !== undefined && ms > MAX_DURATION_MS) {
    throw new UsageError(`${flag}: "${value}" is past the date range: at most ${Math.floor(MAX_DURATION_MS / 3_600_000)}h`);
  }
  return ms;
}

function origin(value: string): string {
  const normalized = normalizeOrigin(value);
  if (normalized === undefined) throw new UsageError(`--cors-origin: "${value}" is not an origin: scheme://host[:port], without a path (e.g. http://localhost:3000)`);
  return normalized;
}

function allowedHost(value: string): string {
  if (!/^\.?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/.test(value) || value.length > 253) {
    throw new UsageError(`--allowed-host: "${value}" is not a host name (e.g. mock, or .internal for it and its subdomains)`);
  }
  return value;
}

function positiveDuration(flag: string, value: string | undefined): number | undefined {
  const ms = duration(flag, value);
  if (ms === 0) throw new UsageError(`${flag}: must be longer than 0`);
  return ms;
}

function count(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1)) throw new UsageError(`${flag}: "${value}" is not a positive integer`);
  return n;
}

/** Printable ASCII without spaces, so that it survives a header and a shell. */
function token(flag: string, value: string | undefined): string | undefined {
  if (value === undefined || (flag === CONTROL_TOKEN_ENV && value === '')) return undefined;
  if (!/^[!-~]{16,256}$/.test(value)) throw new UsageError(`${flag}: a token is 16 to 256 printable characters without spaces`);
  return value;
}

function revokedStatus(value: string | undefined): 401 | 403 | undefined {
  const status = choice('--revoked-status', value, ['401', '403'] as const);
  return status === undefined ? undefined : (Number(status) as 401 | 403);
}

function choice<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!choices.includes(value as T)) throw new UsageError(`${flag}: "${value}" is not one of ${choices.join(', ')}`);
  return value as T;
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value === '') throw new UsageError(`${flag} needs a file path`);
  return value;
}
