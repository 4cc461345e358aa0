// Test support: every way an error gets written down, checked for secrets.
import { format, inspect } from 'node:util';
import { afterEach, beforeEach, expect, vi } from 'vitest';

/** The renderings of an error that reach logs and bug reports. */
export function renderings(error: unknown): Record<string, string> {
  const err = error as Error & { headers?: unknown };
  return {
    message: String(err?.message),
    stack: String(err?.stack),
    string: String(error),
    json: JSON.stringify(error) ?? '',
    inspect: inspect(error, { depth: Infinity }),
    inspectHidden: inspect(error, { depth: Infinity, showHidden: true }),
    cause: inspect(err?.cause, { depth: Infinity, showHidden: true }),
    // What console.log(error) and console.log('%o', error) print.
    console: format('%O', error),
    consoleHidden: format('%o', error),
    // A logger that writes the response headers out (inspect shows a Headers object's entries
    // only in some Node versions). A ResponseValidationError's body is left out: the app reads it
    // on purpose, to recover a minted secret; no rendering above shows it.
    headers: err?.headers instanceof Headers ? JSON.stringify([...err.headers]) : '',
  };
}

export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  for (const [where, text] of Object.entries(renderings(error))) {
    for (const secret of secrets) {
      expect(text.includes(secret), `${where} of ${(error as Error)?.name} contains a secret`).toBe(false);
    }
  }
}

/** Registers hooks that fail a test when anything is written to the console: the clients never log. */
export function forbidConsoleOutput(): void {
  let calls: unknown[][] = [];
  beforeEach(() => {
    calls = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void calls.push(args));
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
    expect(calls).toEqual([]);
  });
}
