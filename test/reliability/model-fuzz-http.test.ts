// Model-based fuzz of the HTTP server (test/reliability/model/, README there): random step lists,
// each from a reset, against two servers (revoked keys → 401 with the default windows; → 403 with
// 1 s windows, and 256 live sessions all along), every reply, journal entry and log line checked
// against a reference model of our rules. On a disagreement fast-check prints the shrunk step
// list; FUZZ_SEED replays a run.
import { afterAll, beforeAll, it } from 'vitest';
import { startHttpTarget } from './model/http-target.js';
import { assertModelAgreement } from './model/property.js';
import { SETTINGS, type FuzzTarget } from './model/target.js';

const targets = {} as Record<'A' | 'B', FuzzTarget & { close(): Promise<void> }>;
beforeAll(async () => {
  targets.A = await startHttpTarget('server A (revoked → 401)', SETTINGS.A);
  targets.B = await startHttpTarget('server B (revoked → 403, 1 s windows, 256 live sessions)', SETTINGS.B, { liveSessions: 256 });
}, 120_000);
afterAll(async () => {
  await targets.A?.close();
  await targets.B?.close();
});

it('agrees with the model of our rules on every reply, journal entry and log line', () => assertModelAgreement('model fuzz over HTTP', targets, { runs: 150, minRequests: 10_000 }), 280_000);
