import { describe, expect, it } from 'vitest';
import { fragmentKeys } from './fragments.js';
import { createCredentialIndex, createCredentialScope, createRetiredRing, createSecretTracker } from './secrets.js';

/** Whether every fragment of `text` is known: a credential wholly covered. */
const covers = (tracker: ReturnType<typeof createSecretTracker>, text: string) => fragmentKeys(text).every((key) => tracker.hasFragment(key));
/** Whether one window of 12 characters is known. */
const knows = (tracker: ReturnType<typeof createSecretTracker>, window: string) => {
  const [key, ...more] = fragmentKeys(window);
  expect(more).toEqual([]);
  return key !== undefined && tracker.hasFragment(key);
};

describe('secret tracker', () => {
  it('covers what it is told was minted, case-folded, in windows of 12', () => {
    const tracker = createSecretTracker(() => []);
    tracker.minted('sk-lw-AbCdEfGhIjKlMnOp_QrStUvWxYz0123456789AbCdEfGhIjKlMnOpQrStUvWx');
    expect(knows(tracker, 'abcdefghijkl')).toBe(true);
    expect(knows(tracker, 'QRSTUVWXYZ01')).toBe(true);
    expect(knows(tracker, 'abcdefghijkm')).toBe(false);
    expect(fragmentKeys('mnop_qrstuvw')).toEqual([]); // no window spans the separator
    expect(knows(tracker, 'nopqrstuvwxy')).toBe(false);
  });

  it('keeps a retired credential covered for the next `capacity` retirements, then lets it go', () => {
    const held = new Set<string>();
    const tracker = createSecretTracker(() => held, 3);
    const secrets = [1, 2, 3, 4, 5].map((n) => `vine_live_${'Q'.repeat(20)}${String(n).repeat(12)}`);
    for (const secret of secrets) {
      held.add(secret);
      tracker.minted(secret);
    }
    for (const secret of secrets.slice(0, 4)) {
      held.delete(secret);
      tracker.retire(secret);
    }
    // Retired in order 1, 2, 3, 4 into a ring of 3: 1 is gone, 2 to 4 remain, 5 is held.
    expect(secrets.map((secret) => covers(tracker, secret))).toEqual([false, true, true, true, true]);
    expect(knows(tracker, '111111111111')).toBe(false);
    expect(knows(tracker, 'qqqqqqqqqqqq')).toBe(true); // still shared by the others
  });

  it('on a state swap (reset), what left is retired and what came back is covered again', () => {
    let held = new Set(['vine_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'vine_live_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB']);
    const tracker = createSecretTracker(() => held, 2);
    const baseline = 'vine_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    // The baseline secret leaves the state and is pushed out of the ring by two more.
    held = new Set(['vine_live_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB']);
    tracker.retire(baseline);
    for (const other of ['vine_live_CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC', 'vine_live_DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD']) {
      tracker.minted(other);
      tracker.retire(other);
    }
    expect(covers(tracker, baseline)).toBe(false);
    // A reset brings the baseline back and drops B: A is covered again, B retired (still covered).
    const before = [...held];
    held = new Set([baseline]);
    tracker.replaced(before);
    expect(covers(tracker, baseline)).toBe(true);
    expect(covers(tracker, 'vine_live_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB')).toBe(true);
    // Two more retirements push B out of the ring: the reset did retire it rather than keep it forever.
    for (const other of ['vine_live_EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE', 'vine_live_FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF']) {
      tracker.minted(other);
      tracker.retire(other);
    }
    expect(covers(tracker, 'vine_live_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB')).toBe(false);
    expect(covers(tracker, baseline)).toBe(true);
  });
});

describe('a shared credential index', () => {
  const credential = (letter: string) => `vine_live_${letter.repeat(32)}`;

  it('counts a credential per addition: it stays known until removed as often', () => {
    const index = createCredentialIndex();
    index.add(credential('A'));
    index.add(credential('A'));
    index.remove(credential('A'));
    expect(fragmentKeys(credential('A')).every((key) => index.hasFragment(key))).toBe(true);
    index.remove(credential('A'));
    expect(fragmentKeys(credential('A')).some((key) => index.hasFragment(key))).toBe(false);
  });

  it('answers for every tracker of every scope; an ended scope hands its credentials to the ring, later ones too', () => {
    const index = createCredentialIndex();
    const ring = createRetiredRing(index, 2);
    const first = createCredentialScope(index);
    const second = createCredentialScope(index);
    const a = createSecretTracker(() => [credential('A')], 10, first);
    const b = createSecretTracker(() => [credential('B')], 10, second);
    // Each tracker answers for the other's world: one index.
    expect(covers(a, credential('B')) && covers(b, credential('A'))).toBe(true);
    expect(first.owns(a) && !first.owns(b)).toBe(true);

    first.end(ring.retire);
    expect(covers(b, credential('A'))).toBe(true); // retired, still redacted
    a.minted(credential('C')); // a request still in flight in the ended world
    expect(covers(b, credential('C'))).toBe(true);
    ring.retire(credential('D')); // the ring holds 2: A is pushed out
    expect(covers(b, credential('A'))).toBe(false);
    expect(covers(b, credential('C')) && covers(b, credential('B'))).toBe(true);
  });
});
