// Model-based fuzz of the MSW handlers (test/reliability/model/, README there): the same steps and
// model as over HTTP, through fetch into setupServer with createLangWatchMock + createVineMock, two
// configurations on their own hosts. On a disagreement fast-check prints the shrunk step list;
// FUZZ_SEED replays a run.
import { setupServer } from 'msw/node';
import { onUnhandled } from '@revokit/mock';
import { afterAll, beforeAll, it } from 'vitest';
import { createMswMocks, mswTarget, unclaimedHandler } from './model/msw-target.js';
import { assertModelAgreement } from './model/property.js';
import { SETTINGS } from './model/target.js';

const mocksA = createMswMocks(SETTINGS.A, { api: 'https://app.langwatch.ai', gateway: 'https://gateway.langwatch.ai', vine: 'https://vine.getcourtyard.ai' });
const mocksB = createMswMocks(SETTINGS.B, { api: 'https://app.b.test', gateway: 'https://gateway.b.test', vine: 'https://vine.b.test' });
const server = setupServer(...mocksA.langwatch.handlers, ...mocksA.vine.handlers, ...mocksB.langwatch.handlers, ...mocksB.vine.handlers, unclaimedHandler);
const targets = {
  A: mswTarget('MSW A (revoked → 401)', SETTINGS.A, mocksA),
  B: mswTarget('MSW B (revoked → 403, 1 s windows)', SETTINGS.B, mocksB),
};
beforeAll(() => server.listen(onUnhandled('error')));
afterAll(() => server.close());

it('agrees with the model of our rules on every reply and journal entry', () => assertModelAgreement('model fuzz over MSW', targets, { runs: 230, minRequests: 10_000 }), 280_000);
