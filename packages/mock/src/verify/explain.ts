// Which known difference, if any, explains a difference: the rows of docs/divergences.md the tool
// knows of (known-differences.ts), matched on the step, plane, aspect, path and values.
import type { Difference } from './compare.js';
import { KNOWN_DIFFERENCES, type KnownDifference } from './known-differences.js';
import type { Plane } from './step.js';

export interface Explained extends Difference {
  /** The row that documents it (kind "documented": not drift). */
  documented: KnownDifference | null;
  /** The option that models it (kind "option": drift, unless the reference runs with it). */
  modelledBy: KnownDifference | null;
}

export function explain(stepId: string, plane: Plane, difference: Difference, known: readonly KnownDifference[] = KNOWN_DIFFERENCES): Explained {
  const matches = known.filter(({ match }) =>
    match.aspect === difference.aspect &&
    (match.steps === undefined || match.steps.includes(stepId)) &&
    (match.planes === undefined || match.planes.includes(plane)) &&
    (match.paths === undefined || (difference.path !== null && match.paths.includes(difference.path))) &&
    (match.mock === undefined || match.mock === difference.mock) &&
    (match.target === undefined || match.target === difference.target),
  );
  return {
    ...difference,
    documented: matches.find((entry) => entry.kind === 'documented') ?? null,
    modelledBy: matches.find((entry) => entry.kind === 'option') ?? null,
  };
}
