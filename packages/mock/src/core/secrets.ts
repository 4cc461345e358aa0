// What a core knows of the credentials it minted, for redaction: those its state holds, and the
// last ones that left it (rotated out, or dropped by a reset) that a client may still send. It
// keeps an index of every MIN_FRAGMENT-long piece of them (fragments.ts), updated as credentials
// come and go, so that asking "is this a piece of a credential?" costs one lookup however many
// there are.
import { createFragmentIndex } from './fragment-index.js';
import { fragmentKeys } from './fragments.js';

export interface SecretSource {
  /** Whether the window of this key (`fragmentKeys`) is a piece of a known credential. */
  hasFragment(key: number): boolean;
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

/** As many as a default journal holds entries: each rotation is one journaled request. */
export const RETIRED_CREDENTIALS_KEPT = 1000;

export function createSecretTracker(held: () => Iterable<string>, capacity = RETIRED_CREDENTIALS_KEPT): SecretTracker {
  // Why each credential is covered: once for being held, once per place in the retired ring.
  const reasons = new Map<string, number>();
  const fragments = createFragmentIndex();
  const retired: string[] = [];
  let next = 0;

  /** Adds `delta` reasons to cover `credential`; returns how many it now has. */
  const reason = (credential: string, delta: number): number => {
    const value = (reasons.get(credential) ?? 0) + delta;
    if (value === 0) reasons.delete(credential);
    else reasons.set(credential, value);
    return value;
  };
  const cover = (credential: string) => {
    if (reason(credential, 1) === 1) for (const key of fragmentKeys(credential)) fragments.add(key);
  };
  const uncover = (credential: string) => {
    if (reason(credential, -1) === 0) for (const key of fragmentKeys(credential)) fragments.remove(key);
  };
  /** Moves a credential's reason from "held" to a place in the ring, evicting the oldest one there. */
  const retire = (credential: string) => {
    const evicted = retired[next];
    retired[next] = credential;
    next = (next + 1) % capacity;
    if (evicted !== undefined) uncover(evicted);
  };
  for (const credential of held()) cover(credential);

  return {
    hasFragment: (key) => fragments.has(key),
    held,
    minted: cover,
    retire,
    replaced(before) {
      const now = new Set(held());
      const was = new Set(before);
      for (const credential of was) if (!now.has(credential)) retire(credential);
      for (const credential of now) if (!was.has(credential)) cover(credential);
    },
  };
}
