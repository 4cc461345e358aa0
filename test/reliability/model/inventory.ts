// Every entity as the target lists it, against the model: the state behind the answers, which
// the data plane alone cannot show (a revoke clears the previous secret in the same write, while
// gateway caches still accept it until the revocation propagates).
import { expect } from 'vitest';
import { iso } from './answer.js';
import type { Inventory } from './target.js';
import type { VirtualKey, World } from './world.js';

const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** Until when each rotated-out secret was accepted: its grace, cut short by the next rotation or by the revocation reaching the gateway. */
function rotationsOf(key: VirtualKey, world: World) {
  const cutByRevocation = key.revokedAt === null ? Infinity : key.revokedAt + world.settings.propagationMs;
  // The mock lists a key's last 100 rotations (docs/server.md).
  const kept = key.rotations.slice(-100);
  return kept.map((at, i) => ({ at: iso(at), graceUntil: iso(Math.min(at + world.settings.graceMs, kept[i + 1] ?? Infinity, cutByRevocation)) }));
}

export function checkInventory(world: World, inventory: Inventory): void {
  const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  const virtualKeys = world.virtualKeys.map((key) => ({
    id: key.id,
    name: key.name,
    description: key.description,
    providerCredentialIds: key.providerCredentialIds,
    secret: key.secret,
    previous: key.previous && { secret: key.previous.secret, until: iso(key.previous.until) },
    revokedAt: isoOrNull(key.revokedAt),
    revision: String(key.revision),
    lastUsedAt: isoOrNull(key.lastUsedAt),
  }));
  expect(byId(inventory.virtualKeys).map(({ propagatesAt: _p, rotations: _r, ...rest }) => rest), 'virtual keys').toEqual(byId(virtualKeys));
  for (const listed of inventory.virtualKeys) {
    const key = world.virtualKeys.find((k) => k.id === listed.id)!;
    if (listed.propagatesAt !== undefined) expect(listed.propagatesAt, `${key.id} propagates_at`).toBe(key.revokedAt === null ? null : iso(key.revokedAt + world.settings.propagationMs));
    if (listed.rotations !== undefined) expect(listed.rotations, `${key.id} rotations`).toEqual(rotationsOf(key, world));
  }
  const apiKeys = world.apiKeys.map((key) => ({
    id: key.id,
    token: key.token,
    name: key.name,
    description: key.description,
    role: key.role,
    permissions: key.permissions,
    bindings: key.bindings,
    owner: key.owner,
    expiresAt: isoOrNull(key.expiresAt),
    lastUsedAt: isoOrNull(key.lastUsedAt),
    revokedAt: isoOrNull(key.revokedAt),
  }));
  expect(byId(inventory.apiKeys), 'admin API keys').toEqual(byId(apiKeys));
  const vineKeys = world.vineKeys.map((key) => ({ id: key.id, name: key.name, plaintext: key.plaintext, revokedAt: isoOrNull(key.revokedAt) }));
  expect(byId(inventory.vineKeys), 'Vine keys').toEqual(byId(vineKeys));
  // A credential the model made disabled was disabled when it was made; their instants are the creates' own.
  expect(byId(inventory.providerCredentials).map(({ id, projectId, disabledAt }) => ({ id, projectId, disabled: disabledAt !== null })), 'provider credentials').toEqual(byId(world.providerCredentials));
}
