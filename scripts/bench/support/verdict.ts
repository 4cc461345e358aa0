// What a run amounts to: which targets were missed, which parts failed, and whether the exit
// status is success. Smoke runs only prove the bench works: there a missed target is no failure.
import type { Figure } from '../figure.ts';
import type { PartRecord } from './table.ts';

export interface Verdict {
  missed: Figure[];
  failed: PartRecord[];
  ok: boolean;
}

export function verdict(smoke: boolean, parts: readonly PartRecord[], figures: readonly Figure[]): Verdict {
  const missed = figures.filter((f) => f.pass === false);
  const failed = parts.filter((p) => !p.ok);
  return { missed, failed, ok: failed.length === 0 && (smoke || missed.length === 0) };
}
