// The comparison rules: one step's two observations → its differences. Status first (answers of
// different classes are not compared further), then error fields, the body's shape, formats,
// state facts, the request id, and for the propagation step the measured time against the bound.
import type { Aspect, Shown } from './known-differences.js';
import type { Observation } from './observation.js';
import type { Shape } from './shape.js';
import type { SideName } from './side.js';

export interface Difference {
  aspect: Aspect;
  /** The field, fact or format path it is about; null for the whole answer. */
  path: string | null;
  mock: Shown;
  target: Shown;
  message: string;
}

export interface PropagationBound {
  /** The documented bound (LangWatch: "within ~60s"). */
  boundMs: number;
  /** How far over the bound still counts as "~" (10 %). */
  slack: number;
}

type Answered = Extract<Observation, { kind: 'answered' }>;

export function compareObservations(mock: Observation, target: Observation, bound: PropagationBound): Difference[] {
  if (mock.kind === 'not-run' || target.kind === 'not-run') return [];
  const differences: Difference[] = [];
  if (mock.status !== target.status) {
    differences.push(difference('status', null, mock.status, target.status, `status ${mock.status} from the mock, ${target.status} from the target`));
    if (statusClass(mock.status) !== statusClass(target.status)) return [...differences, ...comparePropagation(mock, target, bound)];
  }
  if (mock.json !== target.json) {
    differences.push(difference('body', null, mock.json ? 'JSON' : 'not JSON', target.json ? 'JSON' : 'not JSON', `the mock's body is ${mock.json ? '' : 'not '}JSON, the target's is ${target.json ? '' : 'not '}JSON`));
  } else {
    differences.push(...compareErrors(mock, target), ...compareShapes(mock.shape, target.shape));
  }
  differences.push(...compareFormats(mock, target), ...compareFacts(mock, target));
  if (mock.requestId !== target.requestId) {
    differences.push(difference('request-id', 'X-Request-Id', mock.requestId, target.requestId, `X-Request-Id: ${mock.requestId} from the mock, ${target.requestId} from the target`));
  }
  differences.push(...comparePropagation(mock, target, bound));
  return differences;
}

const difference = (aspect: Aspect, path: string | null, mock: Shown, target: Shown, message: string): Difference => ({ aspect, path, mock, target, message });
const statusClass = (status: number) => Math.floor(status / 100);

function compareErrors(mock: Answered, target: Answered): Difference[] {
  if (mock.error === null && target.error === null) return [];
  const names = [...new Set([...Object.keys(mock.error ?? {}), ...Object.keys(target.error ?? {})])].sort();
  return names.flatMap((name) => {
    const m = mock.error?.[name] ?? null;
    const t = target.error?.[name] ?? null;
    return m === t ? [] : [difference('error', name, m, t, `${name}: ${JSON.stringify(m)} from the mock, ${JSON.stringify(t)} from the target`)];
  });
}

/** Fields only one side sends (the topmost only: not every field under a missing object), then fields whose types differ. */
export function compareShapes(mock: Shape, target: Shape): Difference[] {
  // A list item only one side has is a state difference (its `listed` fact): its fields are not compared.
  const itemRoots = [...new Set([...Object.keys(mock), ...Object.keys(target)].filter((path) => /\[@[^\]]+\]$/.test(path)))];
  const dropped = itemRoots.filter((root) => !(root in mock) || !(root in target));
  const kept = (path: string) => !dropped.some((root) => path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`));
  const paths = [...new Set([...Object.keys(mock), ...Object.keys(target)])].filter(kept).sort();
  const differences: Difference[] = [];
  const absentUnder: string[] = [];
  for (const path of paths) {
    const m = mock[path];
    const t = target[path];
    if (m === undefined || t === undefined) {
      if (absentUnder.some((parent) => path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`))) continue;
      absentUnder.push(path);
      const [has, lacks] = m === undefined ? ['target', 'mock'] : ['mock', 'target'];
      const types = (m ?? t)!.join(' | ');
      differences.push(difference('fields', path, m ? types : 'absent', t ? types : 'absent', `\`${path}\`: the ${has} sends it (${types}), the ${lacks} does not`));
    } else if (m.join() !== t.join()) {
      differences.push(difference('types', path, m.join(' | '), t.join(' | '), `\`${path}\`: ${m.join(' | ')} from the mock, ${t.join(' | ')} from the target`));
    }
  }
  return differences;
}

function compareFormats(mock: Answered, target: Answered): Difference[] {
  const paths = [...new Set([...Object.keys(mock.formats), ...Object.keys(target.formats)])].sort();
  return paths.flatMap((path) => {
    const m = mock.formats[path];
    const t = target.formats[path];
    const failed: Array<[SideName, NonNullable<typeof m>]> = [];
    if (m && !m.ok) failed.push(['mock', m]);
    if (t && !t.ok) failed.push(['target', t]);
    return failed.map(([side, verdict]) =>
      difference('format', path, side === 'mock' ? verdict.seen : 'as the rule', side === 'target' ? verdict.seen : 'as the rule', `\`${path}\`: the ${side}'s (${verdict.seen}) is not ${verdict.rule}`),
    );
  });
}

function compareFacts(mock: Answered, target: Answered): Difference[] {
  const names = [...new Set([...Object.keys(mock.facts), ...Object.keys(target.facts)])].sort();
  return names.flatMap((name) => {
    const m = mock.facts[name] ?? null;
    const t = target.facts[name] ?? null;
    return m === t ? [] : [difference('state', name, m, t, `${name}: ${JSON.stringify(m)} on the mock, ${JSON.stringify(t)} on the target`)];
  });
}

function comparePropagation(mock: Answered, target: Answered, { boundMs, slack }: PropagationBound): Difference[] {
  return ([['mock', mock], ['target', target]] as const).flatMap(([side, { propagation }]) => {
    if (propagation === null) return [];
    const seconds = formatSeconds(propagation.elapsedMs);
    const shown = (value: Shown): [Shown, Shown] => (side === 'mock' ? [value, 'within'] : ['within', value]);
    if (!propagation.rejected) {
      return [difference('propagation', null, ...shown(`accepted after ${seconds}`), `the ${side} still accepted the revoked key's secret after ${seconds} (${propagation.attempts} tries); the documented bound is ~${boundMs / 1000} s`)];
    }
    if (propagation.elapsedMs > boundMs * (1 + slack)) {
      return [difference('propagation', null, ...shown(seconds), `the ${side} took ${seconds} to reject the revoked key's secret; the documented bound is ~${boundMs / 1000} s`)];
    }
    return [];
  });
}

export const formatSeconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
