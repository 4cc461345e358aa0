// What the timeline draws, computed from the listings and the mock's now: plain data, no DOM, so
// the rules (when a grace window ends, when the gateway stops accepting) are tested in Node.
import { exactTime as exact } from './format.js';
import type { ApiKeyListing, VineKeyListing, VirtualKeyListing } from './types.js';

export type RowKind = 'virtual-key' | 'admin-key' | 'vine-key';

export type MarkerKind = 'created' | 'rotated' | 'revoked' | 'propagated';

export interface Marker {
  key: string;
  kind: MarkerKind;
  at: number;
  /** What happened, for the tooltip and screen readers. */
  label: string;
}

export type BandKind =
  /** Accepted: creation to now, or to the moment the gateway stopped accepting. */
  | 'alive'
  /** Revoked on the API, still accepted at the gateway until the revocation propagates. */
  | 'propagating'
  /** Rejected everywhere. */
  | 'dead'
  /** A rotated-out secret still accepted. */
  | 'grace';

export interface Band {
  key: string;
  kind: BandKind;
  from: number;
  to: number;
  /** Grace and propagation windows: true once now has reached `to`. Always false for the others. */
  ended: boolean;
  label: string;
}

export interface TimelineRow {
  key: string;
  kind: RowKind;
  id: string;
  title: string;
  createdAt: number;
  /** "active", "revoked (gateway still accepts)", "revoked". */
  state: 'active' | 'propagating' | 'revoked';
  markers: Marker[];
  bands: Band[];
  /** One sentence per fact, oldest first: what the row shows as text. */
  facts: string[];
}

const time = (iso: string): number => Date.parse(iso);

export function virtualKeyRow(listing: VirtualKeyListing, now: number): TimelineRow {
  const { virtual_key: key } = listing;
  const createdAt = time(key.created_at);
  const revokedAt = listing.revoked_at === null ? null : time(listing.revoked_at);
  // The gateway accepts every secret of a revoked key until the revocation has propagated.
  const cutoff = listing.propagates_at === null ? null : time(listing.propagates_at);
  const markers: Marker[] = [{ key: 'created', kind: 'created', at: createdAt, label: `Created at ${exact(createdAt)}` }];
  const bands: Band[] = [];
  const facts = [`Created ${exact(createdAt)}.`];

  listing.rotations.forEach((rotation, i) => {
    const at = time(rotation.at);
    const graceUntil = time(rotation.grace_until);
    const end = cutoff === null ? graceUntil : Math.min(graceUntil, cutoff);
    const ended = now >= end;
    markers.push({ key: `rotated-${i}`, kind: 'rotated', at, label: `Rotated at ${exact(at)}` });
    const window = ended ? `accepted from ${exact(at)} until ${exact(end)} (ended)` : `accepted from ${exact(at)} until ${exact(end)}`;
    bands.push({ key: `grace-${i}`, kind: 'grace', from: at, to: end, ended, label: `Rotated-out secret ${i + 1}: ${window}` });
    facts.push(`Rotated ${exact(at)}: the old secret ${ended ? 'stopped working' : 'works until'} ${exact(end)}.`);
  });

  if (revokedAt !== null && cutoff !== null) {
    markers.push({ key: 'revoked', kind: 'revoked', at: revokedAt, label: `Revoked at ${exact(revokedAt)}` });
    markers.push({ key: 'propagated', kind: 'propagated', at: cutoff, label: `Gateway rejects every secret from ${exact(cutoff)}` });
    bands.push(lifeBand(createdAt, revokedAt, now));
    bands.push({ key: 'propagating', kind: 'propagating', from: revokedAt, to: cutoff, ended: now >= cutoff, label: `Revoked, still accepted at the gateway until ${exact(cutoff)}` });
    if (now > cutoff) bands.push(deadBand(cutoff, now));
    facts.push(`Revoked ${exact(revokedAt)}; the gateway ${now >= cutoff ? 'rejects it since' : 'rejects it from'} ${exact(cutoff)}.`);
  } else {
    bands.push(lifeBand(createdAt, now, now));
  }
  return {
    key: `virtual-key:${key.id}`,
    kind: 'virtual-key',
    id: key.id,
    title: key.name,
    createdAt,
    state: cutoff === null ? 'active' : now >= cutoff ? 'revoked' : 'propagating',
    markers,
    bands,
    facts,
  };
}

/** Admin API keys and Vine keys: revoked means rejected at once. */
function immediateRow(kind: RowKind, id: string, title: string, createdIso: string, revokedIso: string | null, now: number): TimelineRow {
  const createdAt = time(createdIso);
  const revokedAt = revokedIso === null ? null : time(revokedIso);
  const markers: Marker[] = [{ key: 'created', kind: 'created', at: createdAt, label: `Created at ${exact(createdAt)}` }];
  const facts = [`Created ${exact(createdAt)}.`];
  const bands: Band[] = [];
  if (revokedAt === null) bands.push(lifeBand(createdAt, now, now));
  else {
    markers.push({ key: 'revoked', kind: 'revoked', at: revokedAt, label: `Revoked at ${exact(revokedAt)}` });
    bands.push(lifeBand(createdAt, revokedAt, now));
    if (now > revokedAt) bands.push(deadBand(revokedAt, now));
    facts.push(`Revoked ${exact(revokedAt)}.`);
  }
  return { key: `${kind}:${id}`, kind, id, title, createdAt, state: revokedAt === null ? 'active' : 'revoked', markers, bands, facts };
}

export const adminKeyRow = (listing: ApiKeyListing, now: number): TimelineRow =>
  immediateRow('admin-key', listing.id, `role ${listing.role}, ${listing.owner_user_id === null ? 'service key' : `owner ${listing.owner_user_id}`}`, listing.created_at, listing.revoked_at, now);

export const vineKeyRow = (listing: VineKeyListing, now: number): TimelineRow =>
  immediateRow('vine-key', listing.id, listing.name, listing.createdAt, listing.revokedAt, now);

function lifeBand(from: number, to: number, now: number): Band {
  const label = to === now ? `Active since ${exact(from)}` : `Active from ${exact(from)} until ${exact(to)}`;
  return { key: 'alive', kind: 'alive', from, to, ended: false, label };
}

function deadBand(from: number, now: number): Band {
  return { key: 'dead', kind: 'dead', from, to: now, ended: false, label: `Rejected since ${exact(from)}` };
}

export interface Domain {
  from: number;
  to: number;
  /** Quiet stretches drawn shorter than they lasted (the default view), in time order. */
  gaps?: readonly Gap[];
}

/** A stretch with no event in it, from `from` to `to`, drawn as if it lasted `shownAs` ms. */
export interface Gap {
  from: number;
  to: number;
  shownAs: number;
}

/** 'fit': every event readable, quiet stretches shortened; 'all': everything to scale; else the last n ms. */
export type Zoom = 'fit' | 'all' | 300_000 | 3_600_000 | 90_000_000;

/** A quiet stretch is shortened when it is longer than this and than 8 times the median interval between events. */
const MIN_GAP_MS = 300_000;
/** How much of the bar one shortened stretch takes (all of them together: at most 40 %). */
const GAP_SHARE = 0.1;

/**
 * The time span every row shares: from the oldest creation (at least a minute back) to now, or to
 * a later instant a row shows (a grace end, a propagation point), with a margin; or the last
 * `zoom` ms before now. In the 'fit' view, any interval between two consecutive instants a row
 * shows that is long beside the others (a day between a rotation and a revocation 60 s from its
 * propagation) is drawn as a tenth of the bar and marked, so a minute-long window is not a pixel.
 */
export function domainOf(rows: readonly TimelineRow[], now: number, zoom: Zoom = 'fit'): Domain {
  if (zoom !== 'all' && zoom !== 'fit') return { from: now - zoom, to: now + zoom * 0.1 };
  let from = now;
  let to = now;
  const instants = new Set<number>([now]);
  for (const row of rows) {
    from = Math.min(from, row.createdAt);
    for (const band of row.bands) {
      to = Math.max(to, band.to);
      instants.add(band.from).add(band.to);
    }
    for (const marker of row.markers) {
      to = Math.max(to, marker.at);
      instants.add(marker.at);
    }
  }
  // At least the last minute, so that a world created a moment ago does not fill the bar with one instant.
  from = Math.min(from, to - 60_000);
  const quiet = zoom === 'fit' ? quietStretches([...instants, from].filter((at) => at >= from && at <= to).sort((a, b) => a - b)) : [];
  // The rest keeps its scale; each quiet stretch takes a fixed share of the bar.
  const share = Math.min(GAP_SHARE, 0.4 / Math.max(1, quiet.length));
  const rest = Math.max(1_000, to - from - quiet.reduce((sum, [a, b]) => sum + (b - a), 0));
  const gaps = quiet.map(([a, b]) => ({ from: a, to: b, shownAs: (share * rest) / (1 - share * quiet.length) }));
  const shown = to - from - gaps.reduce((sum, gap) => sum + (gap.to - gap.from - gap.shownAs), 0);
  const domain: Domain = { from: from - shown * 0.02, to: to + shown * 0.04 };
  return gaps.length > 0 ? { ...domain, gaps } : domain;
}

/** Intervals between consecutive instants that are long beside the others. */
function quietStretches(instants: readonly number[]): Array<readonly [number, number]> {
  const intervals = instants.slice(1).map((at, i) => [instants[i]!, at] as const).filter(([a, b]) => b > a);
  if (intervals.length < 2) return [];
  const lengths = intervals.map(([a, b]) => b - a).sort((a, b) => a - b);
  const median = lengths[Math.floor((lengths.length - 1) / 2)]!;
  const limit = Math.max(MIN_GAP_MS, 8 * median);
  return intervals.filter(([a, b]) => b - a > limit);
}

/** Where an instant lies in the domain, in percent, clamped to the bar. */
export function percentOf(at: number, domain: Domain): number {
  const shown = (t: number) => {
    let x = t - domain.from;
    for (const gap of domain.gaps ?? []) {
      if (t <= gap.from) break;
      const inside = Math.min(t, gap.to) - gap.from;
      x -= inside - (inside * gap.shownAs) / (gap.to - gap.from);
    }
    return x;
  };
  const p = (shown(at) / shown(domain.to)) * 100;
  return Math.min(100, Math.max(0, p));
}

export const inDomain = (at: number, domain: Domain): boolean => at >= domain.from && at <= domain.to;
