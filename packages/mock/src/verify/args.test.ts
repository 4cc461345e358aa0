import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/args.js';
import { parseVerifyArgs } from './args.js';
import { credentialsFrom, skippedParts } from './parts.js';

const parse = (...argv: string[]) => parseVerifyArgs(argv);

describe('revokit-mock verify flags', () => {
  it('defaults: the gateway at the target, no Vine, 90 s, 401', () => {
    expect(parse('--target', 'https://app.langwatch.ai/')).toEqual({
      kind: 'run',
      target: 'https://app.langwatch.ai',
      gateway: 'https://app.langwatch.ai',
      vine: undefined,
      json: false,
      dryRun: false,
      propagationTimeoutMs: 90_000,
      revokedKeyStatus: 401,
    });
  });

  it('reads every flag', () => {
    expect(parse('--target', 'http://127.0.0.1:4010/__session/w1', '--gateway', 'https://gateway.langwatch.ai', '--vine', 'https://vine.getcourtyard.ai', '--json', '--dry-run', '--propagation-timeout', '2m', '--revoked-status', '403')).toMatchObject({
      target: 'http://127.0.0.1:4010/__session/w1',
      gateway: 'https://gateway.langwatch.ai',
      vine: 'https://vine.getcourtyard.ai',
      json: true,
      dryRun: true,
      propagationTimeoutMs: 120_000,
      revokedKeyStatus: 403,
    });
    expect(parse('--target', 'x', '--help')).toEqual({ kind: 'help' });
  });

  it.each([
    [[], '--target <url> is required: the LangWatch API to verify the mock against (see verify --help)'],
    [['--target', 'app.langwatch.ai'], 'verify: --target: "app.langwatch.ai" is not a URL (e.g. https://app.langwatch.ai)'],
    [['--target', 'ftp://x'], 'verify: --target: only http and https URLs'],
    [['--target', 'https://user:sk-lw-secret@app.langwatch.ai'], 'verify: --target: no credentials in the URL; they come from the environment (see verify --help)'],
    [['--target', 'https://x', '--vine', 'https://v?x=1'], 'verify: --vine: a base URL has no query or fragment'],
    [['--target', 'https://x', '--propagation-timeout', '0'], 'verify: --propagation-timeout: "0" is not a duration longer than 0 (e.g. 90s, 5m)'],
    [['--target', 'https://x', '--revoked-status', '500'], 'verify: --revoked-status: "500" is not one of 401, 403'],
    [['--target', 'https://x', '--api-key', 'k'], 'verify: unknown flag --api-key (see verify --help)'],
    [['--target'], 'verify: --target needs a value'],
    [['--target', 'https://x', 'extra'], 'verify: unexpected argument "extra": verify takes flags only (see verify --help)'],
  ])('%j → a usage error', (argv, message) => {
    expect(() => parse(...argv)).toThrow(new UsageError(message));
  });
});

describe('parts and their credentials', () => {
  it('skips each part whose credentials are missing, naming them; empty values count as missing', () => {
    const credentials = credentialsFrom({ LANGWATCH_API_KEY: 'sk-lw-x', LANGWATCH_PROVIDER_CREDENTIAL_ID: ' ', LANGWATCH_ADMIN_API_KEY: 'sk-lw-a_b' });
    expect(credentials).toEqual({ projectKey: 'sk-lw-x', adminKey: 'sk-lw-a_b' });
    expect(Object.fromEntries(skippedParts({ vine: undefined }, credentials))).toEqual({
      'virtual-keys': 'LANGWATCH_PROVIDER_CREDENTIAL_ID is not set',
      vine: 'no --vine URL',
    });
    expect(Object.fromEntries(skippedParts({ vine: 'https://v' }, credentialsFrom({})))).toEqual({
      'virtual-keys': 'LANGWATCH_API_KEY and LANGWATCH_PROVIDER_CREDENTIAL_ID are not set',
      admin: 'LANGWATCH_ADMIN_API_KEY is not set',
    });
  });
});
