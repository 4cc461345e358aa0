// A counted set of fragment keys (fragments.ts): how many held or recent credentials contain each.
// One Float64Array of [key, count] pairs, open addressing with linear probing, so that an update or
// a lookup touches one cache line. A JS Map costs two or three cache misses per operation (bucket,
// entry, boxed number); a rotation makes about 30 updates, each on a table the HTTP stack has just
// pushed out of the cache, which made them most of a rotation's cost at the server (npm run bench).
import type { KeyBuffer } from './fragments.js';

export interface FragmentIndex {
  /** One more credential contains `key`. */
  add(key: number): void;
  /** One credential fewer contains `key` (no-op when none did). */
  remove(key: number): void;
  has(key: number): boolean;
  /** `add`, `remove`, `has` for every key of a buffer (one call, no key boxed on its way). */
  addAll(buffer: KeyBuffer): void;
  removeAll(buffer: KeyBuffer): void;
  hasAny(buffer: KeyBuffer): boolean;
  /** Distinct keys held. */
  readonly size: number;
}

const EMPTY = -1; // keys are never negative
const MIN_SLOTS = 1024;

export function createFragmentIndex(): FragmentIndex {
  let slots = MIN_SLOTS;
  let table = emptyTable(slots);
  let size = 0;

  const home = (key: number) => spread(key) & (slots - 1);
  /** The slot holding `key`, or the empty slot where it would go. */
  const find = (key: number): number => {
    let at = home(key);
    while (table[at * 2] !== EMPTY && table[at * 2] !== key) at = (at + 1) & (slots - 1);
    return at;
  };

  const grow = () => {
    const old = table;
    slots *= 2;
    table = emptyTable(slots);
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === EMPTY) continue;
      const to = find(old[at]!);
      table[to * 2] = old[at]!;
      table[to * 2 + 1] = old[at + 1]!;
    }
  };

  /** Empties slot `at`, moving later entries of its probe run back so that every key stays reachable. */
  const vacate = (at: number) => {
    let hole = at;
    for (let next = (hole + 1) & (slots - 1); table[next * 2] !== EMPTY; next = (next + 1) & (slots - 1)) {
      const wanted = home(table[next * 2]!);
      // The entry may move into the hole unless its home lies cyclically in (hole, next].
      const stays = hole <= next ? hole < wanted && wanted <= next : hole < wanted || wanted <= next;
      if (stays) continue;
      table[hole * 2] = table[next * 2]!;
      table[hole * 2 + 1] = table[next * 2 + 1]!;
      hole = next;
    }
    table[hole * 2] = EMPTY;
    table[hole * 2 + 1] = 0;
  };

  const add = (key: number) => {
    const at = find(key);
    if (table[at * 2] === key) {
      table[at * 2 + 1]! += 1;
      return;
    }
    table[at * 2] = key;
    table[at * 2 + 1] = 1;
    size += 1;
    if (size * 2 > slots) grow(); // at most half full: probe runs stay short
  };
  const remove = (key: number) => {
    const at = find(key);
    if (table[at * 2] !== key) return;
    if (table[at * 2 + 1]! > 1) {
      table[at * 2 + 1]! -= 1;
      return;
    }
    vacate(at);
    size -= 1;
  };
  const has = (key: number) => table[find(key) * 2] === key;

  return {
    add,
    remove,
    has,
    addAll({ keys, count }) {
      for (let i = 0; i < count; i++) add(keys[i]!);
    },
    removeAll({ keys, count }) {
      for (let i = 0; i < count; i++) remove(keys[i]!);
    },
    hasAny({ keys, count }) {
      for (let i = 0; i < count; i++) if (has(keys[i]!)) return true;
      return false;
    },
    get size() {
      return size;
    },
  };
}

function emptyTable(slots: number): Float64Array {
  const table = new Float64Array(slots * 2);
  for (let at = 0; at < table.length; at += 2) table[at] = EMPTY;
  return table;
}

/** Mixes a key's bits (it is below 2^53) into 32: its two halves combined, then murmur3's finalizer. */
function spread(key: number): number {
  let h = (key >>> 0) ^ Math.imul(Math.floor(key / 4294967296), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
