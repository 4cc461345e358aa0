// What a core knows of the credentials it minted, for redaction: those its state holds, and the
// last ones that left it (rotated out, or dropped by a reset) that a client may still send. Their
// MIN_FRAGMENT-long pieces (fragments.ts) are counted in an index, updated as credentials come and
// go, so that asking "is this a piece of a credential?" costs one lookup however many there are.
//
// An in-process mock has an index of its own. A server gives every mock of every world one shared
// index (a CredentialScope per world), so that what it writes down is redacted against every world
// at the cost of one lookup, with 0 sessions or 256; a world that ends hands what it covered to the
// server's ring of retired credentials instead of forgetting it.
import { createFragmentIndex } from './fragment-index.js';
import { createKeyBuffer, readKeys } from './fragments.js';

export interface SecretSource {
  /** Whether the window of this key (`fragmentKeys`) is a piece of a known credential. */
  hasFragment(key: number): boolean;
  /**
   * Whether `text` between `from` and `to` holds a piece of a known credential: the same answer as
   * asking `hasFragment` of each of its windows, in one call (redaction uses it when present).
   */
  holdsPiece?(text: string, from: number, to: number): boolean;
}

export interface SecretTracker extends SecretSource {
  /** The credentials the state holds right now. */
  held(): Iterable<string>;
  /** A credential was just created and stored. */
  minted(credential: string): void;
  /** A credential left the state (rotated out): it stays covered for the next `capacity` retirements. */
  retire(credential: string): void;
  /** The state was swapped (reset): what left it is retired, what came back is covered again. */
  replaced(before: Iterable<string>): void;
}

/** The counted pieces of many credentials: one credential added twice must be removed twice. */
export interface CredentialIndex extends SecretSource {
  add(credential: string): void;
  remove(credential: string): void;
  holdsPiece(text: string, from: number, to: number): boolean;
}

/** Where the trackers of one world index their credentials, and who takes them over when the world ends. */
export interface CredentialScope {
  readonly index: CredentialIndex;
  /** Each tracker created in the scope registers itself, so that the scope can end it. */
  adopt(tracker: EndableTracker): void;
}

/** A tracker that can hand every credential it covers to `retire` (a ring of retired ones) and stop covering them itself. */
export interface EndableTracker extends SecretTracker {
  end(retire: (credential: string) => void): void;
}

/** As many as a default journal holds entries: each rotation is one journaled request. */
export const RETIRED_CREDENTIALS_KEPT = 1000;

export function createCredentialIndex(): CredentialIndex {
  const fragments = createFragmentIndex();
  // Keys are read off the credential each time, into a reused buffer, rather than kept: kept for the
  // 1,000 rotations a retired secret lives, they cost more in garbage collection than reading them.
  const buffer = createKeyBuffer();
  const keysOf = (text: string, from = 0, to = text.length) => {
    readKeys(text, from, to, buffer);
    return buffer;
  };
  return {
    add: (credential) => fragments.addAll(keysOf(credential)),
    remove: (credential) => fragments.removeAll(keysOf(credential)),
    hasFragment: (key) => fragments.has(key),
    holdsPiece: (text, from, to) => fragments.hasAny(keysOf(text, from, to)),
  };
}

/**
 * A ring of the last `capacity` credentials retired into it, covered in `index` while they are in it.
 * The server keeps one for the credentials of worlds that ended.
 */
export function createRetiredRing(index: CredentialIndex, capacity: number): { retire(credential: string): void } {
  const ring: string[] = [];
  let next = 0;
  return {
    retire(credential) {
      index.add(credential);
      const evicted = ring[next];
      ring[next] = credential;
      next = (next + 1) % capacity;
      if (evicted !== undefined) index.remove(evicted);
    },
  };
}

export function createSecretTracker(held: () => Iterable<string>, capacity = RETIRED_CREDENTIALS_KEPT, scope?: CredentialScope): SecretTracker {
  // Why each credential is covered: once for being held, once per place in the retired ring.
  const reasons = new Map<string, number>();
  const index = scope?.index ?? createCredentialIndex();
  const retired: string[] = [];
  let next = 0;
  /** Once the world has ended, what it still mints goes straight to the retired credentials of whoever took the rest. */
  let endedInto: ((credential: string) => void) | undefined;

  /** Adds `delta` reasons to cover `credential`; returns how many it now has. */
  const reason = (credential: string, delta: number): number => {
    const value = (reasons.get(credential) ?? 0) + delta;
    if (value === 0) reasons.delete(credential);
    else reasons.set(credential, value);
    return value;
  };
  const cover = (credential: string) => {
    if (endedInto) endedInto(credential);
    else if (reason(credential, 1) === 1) index.add(credential);
  };
  const uncover = (credential: string) => {
    if (reason(credential, -1) === 0) index.remove(credential);
  };
  /** Moves a credential's reason from "held" to a place in the ring, evicting the oldest one there. */
  const retire = (credential: string) => {
    if (endedInto) return endedInto(credential);
    const evicted = retired[next];
    retired[next] = credential;
    next = (next + 1) % capacity;
    if (evicted !== undefined) uncover(evicted);
  };
  for (const credential of held()) cover(credential);

  const tracker: EndableTracker = {
    hasFragment: (key) => index.hasFragment(key),
    holdsPiece: (text, from, to) => index.holdsPiece(text, from, to),
    held,
    minted: cover,
    retire,
    replaced(before) {
      const now = new Set(held());
      const was = new Set(before);
      for (const credential of was) if (!now.has(credential)) retire(credential);
      for (const credential of now) if (!was.has(credential)) cover(credential);
    },
    end(into) {
      if (endedInto) return;
      // Covered by `into` first, so that no piece is ever unknown in a shared index.
      for (const credential of reasons.keys()) into(credential);
      for (const credential of reasons.keys()) index.remove(credential);
      reasons.clear();
      retired.length = 0;
      endedInto = into;
    },
  };
  scope?.adopt(tracker);
  return tracker;
}

/** A scope over a shared index: every tracker created in it, ended together (a world's, when it ends). */
export function createCredentialScope(index: CredentialIndex): CredentialScope & {
  /** Whether this source is a tracker of the scope (a family may keep an index of its own). */
  owns(source: SecretSource): boolean;
  end(retire: (credential: string) => void): void;
} {
  const trackers = new Set<EndableTracker>();
  return {
    index,
    adopt: (tracker) => void trackers.add(tracker),
    owns: (source) => trackers.has(source as EndableTracker),
    end: (retire) => {
      for (const tracker of trackers) tracker.end(retire);
    },
  };
}
