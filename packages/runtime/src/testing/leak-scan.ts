// Test support: every way an error gets written down, checked for secrets.
import { inspect } from 'node:util';
import { expect } from 'vitest';

/** The renderings of an error that reach logs and bug reports. */
export function renderings(error: unknown): Record<string, string> {
  const err = error as Error;
  return {
    message: String(err?.message),
    stack: String(err?.stack),
    string: String(error),
    json: JSON.stringify(error) ?? '',
    inspect: inspect(error, { depth: Infinity }),
    inspectHidden: inspect(error, { depth: Infinity, showHidden: true }),
    cause: inspect(err?.cause, { depth: Infinity, showHidden: true }),
  };
}

export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  for (const [where, text] of Object.entries(renderings(error))) {
    for (const secret of secrets) {
      expect(text.includes(secret), `${where} of ${(error as Error)?.name} contains a secret`).toBe(false);
    }
  }
}
