// Sessions: named worlds, so that parallel test workers can share one server without sharing
// state. A session is created on first use (a fresh world: demo and seed entities minted anew),
// ends after it has been idle for `ttlMs` (by the registry's own clock, not the session's mock
// clock, which tests move at will), and there are at most `max` of them.
import type { MockClock } from '../../core/clock.js';
import type { AnyFamily } from '../../families/family.js';
import type { World } from './world.js';

export const SESSION_ID = /^[A-Za-z0-9._-]{1,64}$/;
export const SESSION_ID_RULE = 'a session id is 1 to 64 characters of A-Z, a-z, 0-9, ".", "_" and "-", and not "." or ".." (URL-normalising clients remove those from a path)';

/** Whether `id` may name a session: "." and ".." would vanish from a /__session/<id>/ path in any client that normalises URLs. */
export const isSessionId = (id: string): boolean => SESSION_ID.test(id) && id !== '.' && id !== '..';

export interface SessionInfo {
  id: string;
  /** ISO 8601, by the registry's clock. */
  created: string;
  last_used: string;
  requests: number;
}

export interface SessionsOptions<Families extends readonly AnyFamily[]> {
  /** A new world, as a fresh server would start. */
  createWorld(): World<Families>;
  /** Idle time after which a session ends (ms). */
  ttlMs: number;
  /** How many sessions may exist at once. */
  max: number;
  /** The registry's clock (a system clock in production; tests pass a frozen one). */
  clock: MockClock;
  /** Called with the world of every session that ends (deleted, idle, or replaced after idling), once. */
  onEnd?(world: World<Families>): void;
}

export interface Sessions<Families extends readonly AnyFamily[]> {
  /** The session's world, created on first use; `undefined` when `max` sessions already exist. Counts as a use. */
  use(id: string): World<Families> | undefined;
  /** The session's world if it exists, without creating it or counting a use. */
  peek(id: string): World<Families> | undefined;
  list(): SessionInfo[];
  /** Ends a session; false when there was none. */
  end(id: string): boolean;
  /** Ends every session idle for `ttlMs` or more. */
  sweep(): void;
  /** Whether any live session's world passes `test`. */
  some(test: (world: World<Families>) => boolean): boolean;
  readonly size: number;
  readonly ttlMs: number;
  readonly max: number;
}

interface Entry<Families extends readonly AnyFamily[]> {
  world: World<Families>;
  created: number;
  lastUsed: number;
  requests: number;
}

export function createSessions<Families extends readonly AnyFamily[]>(options: SessionsOptions<Families>): Sessions<Families> {
  const { ttlMs, max, clock } = options;
  // Insertion order is kept up to date on every use, so the first entries are the idlest: a sweep stops at the first live one.
  const entries = new Map<string, Entry<Families>>();
  const expired = (entry: Entry<Families>, now: number) => now - entry.lastUsed >= ttlMs;
  const remove = (id: string, entry: Entry<Families>) => {
    entries.delete(id);
    options.onEnd?.(entry.world);
  };

  const sweep = (now: number) => {
    for (const [id, entry] of entries) {
      if (!expired(entry, now)) break;
      remove(id, entry);
    }
  };

  return {
    use(id) {
      const now = clock.now();
      let entry = entries.get(id);
      if (entry && expired(entry, now)) {
        remove(id, entry);
        entry = undefined;
      }
      if (!entry) {
        if (entries.size >= max) sweep(now);
        if (entries.size >= max) return undefined;
        entry = { world: options.createWorld(), created: now, lastUsed: now, requests: 0 };
      } else {
        entries.delete(id); // re-inserted below: most recently used last
      }
      entry.lastUsed = now;
      entry.requests += 1;
      entries.set(id, entry);
      return entry.world;
    },
    peek(id) {
      const entry = entries.get(id);
      return entry && !expired(entry, clock.now()) ? entry.world : undefined;
    },
    list() {
      const now = clock.now();
      sweep(now);
      return [...entries].map(([id, entry]) => ({
        id,
        created: new Date(entry.created).toISOString(),
        last_used: new Date(entry.lastUsed).toISOString(),
        requests: entry.requests,
      }));
    },
    end(id) {
      const entry = entries.get(id);
      if (entry) remove(id, entry);
      return entry !== undefined;
    },
    some(test) {
      for (const entry of entries.values()) if (test(entry.world)) return true;
      return false;
    },
    sweep: () => sweep(clock.now()),
    get size() {
      return entries.size;
    },
    ttlMs,
    max,
  };
}
