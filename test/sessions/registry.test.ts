// The session registry alone: idleness and the bound at their exact edges, least recently used
// first, and memory that stays bounded while 10,000 sessions come and go.
import { describe, expect, it } from 'vitest';
import { createClock } from '@revokit/mock/core/index';
import { defaultFamilies } from '@revokit/mock/server';
import { createSessions } from '@revokit/mock/server/world/sessions';
import { createWorld } from '@revokit/mock/server/world/world';

const registry = (ttlMs: number, max: number) => {
  const clock = createClock('frozen');
  const sessions = createSessions({ createWorld: () => createWorld({ families: defaultFamilies, clock: 'frozen' }), ttlMs, max, clock });
  return { clock, sessions };
};

describe('session registry', () => {
  it('a session idle for ttl - 1 ms lives; idle for ttl it is gone, and its id starts a new world', () => {
    const { clock, sessions } = registry(1_000, 10);
    const world = sessions.use('a')!;
    clock.advance(999);
    expect(sessions.peek('a')).toBe(world);
    expect(sessions.use('a')).toBe(world);
    clock.advance(1_000);
    expect(sessions.peek('a')).toBeUndefined();
    expect(sessions.use('a')).not.toBe(world);
  });

  it('holds exactly max sessions; the next is refused until one ends or goes idle', () => {
    const { clock, sessions } = registry(1_000, 3);
    for (const id of ['a', 'b', 'c']) expect(sessions.use(id)).toBeDefined();
    expect(sessions.use('d')).toBeUndefined();
    expect(sessions.size).toBe(3);
    expect(sessions.end('b')).toBe(true);
    expect(sessions.use('d')).toBeDefined();
    expect(sessions.use('e')).toBeUndefined();
    clock.advance(500);
    sessions.use('a'); // a was used at 500, c and d at 0
    clock.advance(500);
    expect(sessions.use('e')).toBeDefined(); // c and d went idle and freed their slots
    expect(sessions.list().map((s) => s.id)).toEqual(['a', 'e']);
  });

  it('lists each session with its use count, and sweeps idle ones', () => {
    const { clock, sessions } = registry(100, 10);
    sessions.use('x');
    sessions.use('x');
    expect(sessions.list()).toEqual([{ id: 'x', created: new Date(clock.now()).toISOString(), last_used: new Date(clock.now()).toISOString(), requests: 2 }]);
    clock.advance(100);
    sessions.sweep();
    expect(sessions.size).toBe(0);
  });

  it('memory stays bounded while 10,000 sessions are created and evicted', () => {
    const { clock, sessions } = registry(1_000, 256);
    const mib = () => process.memoryUsage().rss / 2 ** 20;
    const churn = (count: number, offset: number) => {
      for (let i = 0; i < count; i++) {
        expect(sessions.use(`s${offset + i}`)).toBeDefined();
        if (i % 200 === 199) clock.advance(1_000); // every 200 sessions, the older ones go idle
      }
    };
    churn(2_000, 0); // warm-up
    globalThis.gc?.();
    const before = mib();
    churn(10_000, 2_000);
    globalThis.gc?.();
    const after = mib();
    console.log(`sessions: 10,000 created and evicted; RSS ${before.toFixed(1)} MiB → ${after.toFixed(1)} MiB (${(after - before).toFixed(1)} MiB); live ${sessions.size}`);
    expect(sessions.size).toBeLessThanOrEqual(256);
    expect(after - before).toBeLessThan(64);
  });
});
