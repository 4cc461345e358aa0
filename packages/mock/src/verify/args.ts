// `revokit-mock verify` flags → settings. Mistakes are UsageErrors (exit status 2), one line each.
import { parseArgs } from 'node:util';
import { UsageError } from '../cli/args.js';
import { parseDuration } from '../cli/durations.js';

export interface VerifySettings {
  /** LangWatch's app API (and, without --gateway, its gateway). */
  target: string;
  gateway: string;
  /** Vine's API; the Vine part runs only with it. */
  vine: string | undefined;
  json: boolean;
  dryRun: boolean;
  propagationTimeoutMs: number;
  /** What the reference mock's gateway answers a revoked key with (the option that models production). */
  revokedKeyStatus: 401 | 403;
}

export type VerifyCommand = { kind: 'help' } | ({ kind: 'run' } & VerifySettings);

export const DEFAULT_PROPAGATION_TIMEOUT_MS = 90_000;

const FLAGS = {
  target: { type: 'string' },
  gateway: { type: 'string' },
  vine: { type: 'string' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'propagation-timeout': { type: 'string' },
  'revoked-status': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseVerifyArgs(argv: readonly string[]): VerifyCommand {
  let values: Partial<Record<keyof typeof FLAGS, string | boolean>>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(describe(error));
  }
  if (values.help) return { kind: 'help' };
  const text = (flag: keyof typeof FLAGS) => values[flag] as string | undefined;
  const target = url('--target', text('target'));
  if (target === undefined) throw new UsageError('--target <url> is required: the LangWatch API to verify the mock against (see verify --help)');
  return {
    kind: 'run',
    target,
    gateway: url('--gateway', text('gateway')) ?? target,
    vine: url('--vine', text('vine')),
    json: values.json === true,
    dryRun: values['dry-run'] === true,
    propagationTimeoutMs: timeout(text('propagation-timeout')),
    revokedKeyStatus: revokedStatus(text('revoked-status')),
  };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return `verify: unknown flag ${quoted} (see verify --help)`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && quoted) return `verify: unexpected argument "${quoted}": verify takes flags only (see verify --help)`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--[a-z-]+/.exec(quoted ?? '')?.[0] ?? 'a flag';
    if (/argument missing|ambiguous/.test(message)) return `verify: ${flag} needs a value`;
    if (/does not take an argument/.test(message)) return `verify: ${flag} takes no value`;
  }
  return `verify: ${message.split('\n')[0]}`;
}

/** An http(s) URL without credentials in it (they would end up in the report) and without a query. */
function url(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new UsageError(`verify: ${flag}: "${value}" is not a URL (e.g. https://app.langwatch.ai)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`verify: ${flag}: only http and https URLs`);
  if (parsed.username || parsed.password) throw new UsageError(`verify: ${flag}: no credentials in the URL; they come from the environment (see verify --help)`);
  if (parsed.search || parsed.hash) throw new UsageError(`verify: ${flag}: a base URL has no query or fragment`);
  return parsed.href.replace(/\/+$/, '');
}

function timeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PROPAGATION_TIMEOUT_MS;
  const ms = parseDuration(value);
  if (ms === undefined || ms === 0) throw new UsageError(`verify: --propagation-timeout: "${value}" is not a duration longer than 0 (e.g. 90s, 5m)`);
  return ms;
}

function revokedStatus(value: string | undefined): 401 | 403 {
  if (value === undefined) return 401;
  if (value !== '401' && value !== '403') throw new UsageError(`verify: --revoked-status: "${value}" is not one of 401, 403`);
  return Number(value) as 401 | 403;
}
