// The dashboard's timeline draws what the gateway does: fed the control plane's listings of a real
// server (frozen clock), its grace and propagation windows end exactly where the data plane starts
// refusing the secret, not a millisecond before or after.
import { describe, expect, it } from 'vitest';
import { adminKeyRow, domainOf, percentOf, vineKeyRow, virtualKeyRow } from '../../packages/mock/ui/src/timeline-model.js';
import type { VirtualKeyListing } from '../../packages/mock/ui/src/types.js';
import { useServer } from '../server/support/server.js';

const GRACE = 1_000;
const PROPAGATION = 500;
const api = useServer({ clock: 'frozen', graceMs: GRACE, propagationMs: PROPAGATION });
const lw = () => api.server.langwatch;
const projectKey = () => api.server.credentials.project.apiKey;

async function listing(id: string): Promise<VirtualKeyListing> {
  const { virtual_keys } = (await api.get('/__mock/langwatch/virtual-keys')).body as { virtual_keys: VirtualKeyListing[] };
  return virtual_keys.find((key) => key.virtual_key.id === id)!;
}

const rotate = (id: string) => api.post(`/api/gateway/v1/virtual-keys/${id}/rotate`, undefined, { 'x-auth-token': projectKey() });

describe('a virtual key row', () => {
  it('ends the grace band at the instant the gateway refuses the old secret', async () => {
    const { virtual_key, secret: old } = lw().seed.virtualKey({ name: 'grace' });
    expect((await rotate(virtual_key.id)).status).toBe(200);
    const rotatedAt = lw().clock.now();
    for (const [offset, accepted] of [[GRACE - 1, true], [GRACE, false]] as const) {
      lw().clock.set(rotatedAt + offset);
      const row = virtualKeyRow(await listing(virtual_key.id), lw().clock.now());
      const band = row.bands.find((b) => b.kind === 'grace')!;
      expect(lw().gateway.authenticate(old).ok, `gateway at +${offset}`).toBe(accepted);
      expect(band, `band at +${offset}`).toMatchObject({ from: rotatedAt, to: rotatedAt + GRACE, ended: !accepted });
      expect(row.markers.map((m) => [m.kind, m.at])).toEqual([
        ['created', Date.parse(virtual_key.created_at)],
        ['rotated', rotatedAt],
      ]);
    }
  });

  it('cuts a grace band short at the next rotation, which forgets the older secret', async () => {
    const { virtual_key, secret: first } = lw().seed.virtualKey();
    await rotate(virtual_key.id);
    const firstRotation = lw().clock.now();
    lw().clock.advance(300);
    await rotate(virtual_key.id);
    expect(lw().gateway.authenticate(first)).toEqual({ ok: false, reason: 'unknown' });
    const row = virtualKeyRow(await listing(virtual_key.id), lw().clock.now());
    expect(row.bands.filter((b) => b.kind === 'grace').map((b) => [b.from, b.to, b.ended])).toEqual([
      [firstRotation, firstRotation + 300, true],
      [firstRotation + 300, firstRotation + 300 + GRACE, false],
    ]);
  });

  it('is revoked at the gateway from revoked_at + propagation, and its open grace window ends there too', async () => {
    const { virtual_key, secret: old } = lw().seed.virtualKey();
    await rotate(virtual_key.id);
    const rotatedAt = lw().clock.now();
    expect((await api.post(`/api/gateway/v1/virtual-keys/${virtual_key.id}/revoke`, undefined, { 'x-auth-token': projectKey() })).status).toBe(200);
    const revokedAt = lw().clock.now();
    for (const [offset, state] of [[PROPAGATION - 1, 'propagating'], [PROPAGATION, 'revoked']] as const) {
      lw().clock.set(revokedAt + offset);
      const row = virtualKeyRow(await listing(virtual_key.id), lw().clock.now());
      const current = (await listing(virtual_key.id)).secret;
      expect(lw().gateway.authenticate(current).ok, `gateway at +${offset}`).toBe(state === 'propagating');
      expect(row.state).toBe(state);
      expect(row.markers.find((m) => m.kind === 'propagated')?.at).toBe(revokedAt + PROPAGATION);
      const grace = row.bands.find((b) => b.kind === 'grace')!;
      expect(grace).toMatchObject({ from: rotatedAt, to: revokedAt + PROPAGATION, ended: state === 'revoked' });
      expect(lw().gateway.authenticate(old).ok).toBe(state === 'propagating');
    }
  });
});

describe('admin and Vine key rows', () => {
  it('draw creation and revocation from the listings', async () => {
    const created = lw().clock.now();
    const admin = (await api.post('/__mock/langwatch/api-keys', { role: 'member' })).body as { id: string };
    const vine = (await api.post('/__mock/vine/keys', { name: 'row' })).body as { key: { id: string } };
    lw().clock.advance(42);
    await api.post(`/api/v1/keys/${vine.key.id}/revoke`);
    const apiKeys = (await api.get('/__mock/langwatch/api-keys')).body.api_keys;
    const vineKeys = (await api.get('/__mock/vine/keys')).body.keys;
    const now = lw().clock.now();
    const adminRow = adminKeyRow(apiKeys.find((k: { id: string }) => k.id === admin.id), now);
    const vineRow = vineKeyRow(vineKeys.find((k: { id: string }) => k.id === vine.key.id), now);
    expect(adminRow).toMatchObject({ state: 'active', createdAt: created, markers: [{ kind: 'created', at: created }] });
    expect(vineRow).toMatchObject({ state: 'revoked', title: 'row', createdAt: created });
    expect(vineRow.markers.map((m) => [m.kind, m.at])).toEqual([
      ['created', created],
      ['revoked', created + 42],
    ]);
  });
});

describe('the shared time axis', () => {
  it('spans the oldest creation to the latest instant shown, at least a minute, and clamps what lies outside', () => {
    const now = 10_000_000;
    const listingAt = (created: number): VirtualKeyListing => ({
      virtual_key: { id: 'vk', name: 'n', environment: 'live', status: 'active', revision: '2', created_at: new Date(created).toISOString(), display_prefix: '' },
      project_id: 'p',
      secret: 's',
      previous_secret: { secret: 'o', valid_until: new Date(now + 5_000).toISOString() },
      revoked_at: null,
      rotations: [{ at: new Date(now - 1_000).toISOString(), grace_until: new Date(now + 500_000).toISOString() }],
      propagates_at: null,
    });
    const domain = domainOf([virtualKeyRow(listingAt(now - 2_000_000), now)], now);
    expect(domain.from).toBeLessThan(now - 2_000_000);
    expect(domain.to).toBeGreaterThan(now + 500_000);
    // A key created this instant, nothing ahead: the last minute is shown, now near the right end.
    const fresh = domainOf([virtualKeyRow({ ...listingAt(now), rotations: [], previous_secret: null }, now)], now);
    expect(fresh.from).toBeLessThanOrEqual(now - 60_000);
    expect(percentOf(now, fresh)).toBeGreaterThan(90);
    expect(percentOf(domain.from - 1, domain)).toBe(0);
    expect(percentOf(domain.to + 1, domain)).toBe(100);
    expect(domainOf([], now, 300_000)).toEqual({ from: now - 300_000, to: now + 30_000 });
  });
});

describe('the default view fits the events that matter', () => {
  // A rotation, a day, a revocation and its 60 s propagation: the day must not squeeze the minute.
  const t0 = Date.parse('2030-01-01T00:00:00Z');
  const rotatedAt = t0 + 5_000;
  const revokedAt = rotatedAt + 86_400_000 + 1_000;
  const now = revokedAt + 60_000;
  const listing: VirtualKeyListing = {
    virtual_key: { id: 'vk', name: 'checkout', environment: 'live', status: 'revoked', revision: '2', created_at: new Date(t0).toISOString(), display_prefix: '' },
    project_id: 'p',
    secret: 's',
    previous_secret: null,
    revoked_at: new Date(revokedAt).toISOString(),
    rotations: [{ at: new Date(rotatedAt).toISOString(), grace_until: new Date(rotatedAt + 86_400_000).toISOString() }],
    propagates_at: new Date(revokedAt + 60_000).toISOString(),
  };
  const row = virtualKeyRow(listing, now);
  const width = (domain: ReturnType<typeof domainOf>, kind: string) => {
    const band = row.bands.find((b) => b.kind === kind)!;
    return percentOf(band.to, domain) - percentOf(band.from, domain);
  };

  it('shortens the quiet day and says how long it was, so the propagation minute is wide', () => {
    const fit = domainOf([row], now);
    expect(fit.gaps).toEqual([{ from: rotatedAt, to: rotatedAt + 86_400_000, shownAs: expect.any(Number) }]);
    expect(percentOf(fit.gaps![0]!.to, fit) - percentOf(fit.gaps![0]!.from, fit)).toBeCloseTo(10 * (1 / 1.06), 0); // a tenth of the bar, less the margins
    expect(width(fit, 'propagating')).toBeGreaterThan(40);
    expect(percentOf(now, fit)).toBeGreaterThan(90);
    // To scale, the same minute is a sliver.
    expect(width(domainOf([row], now, 'all'), 'propagating')).toBeLessThan(0.1);
  });

  it('keeps every instant in order, each where it lies', () => {
    const fit = domainOf([row], now);
    const instants = [t0, rotatedAt, rotatedAt + 86_400_000, revokedAt, revokedAt + 60_000, now];
    const percents = instants.map((at) => percentOf(at, fit));
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(new Set(percents.slice(0, 5)).size).toBe(5);
  });

  it('shortens nothing when nothing is long beside the rest', () => {
    const busy = virtualKeyRow({ ...listing, revoked_at: null, propagates_at: null, rotations: [] }, t0 + 600_000);
    expect(domainOf([busy], t0 + 600_000).gaps).toBeUndefined();
  });
});
