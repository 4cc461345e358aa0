// The last guard before anything is written: every text verify prints (table, JSON, errors) goes
// through the mocks' own redaction, told every credential of the run (the environment's, and each
// secret either side minted), plus every product's credential formats. The report is built to
// hold none; this makes a mistake there cost a "[redacted]", not a leaked key.
import { createRedactor } from '../core/redact.js';
import { createSecretTracker } from '../core/secrets.js';

export interface OutputGuard {
  /** A credential of this run: redacted from everything printed after. */
  learn(secret: string): void;
  redact(text: string): string;
}

export function createOutputGuard(): OutputGuard {
  const secrets = createSecretTracker(() => []);
  const redactor = createRedactor([secrets]);
  return {
    learn: (secret) => secrets.minted(secret),
    redact: (text) => redactor.redact(text),
  };
}
