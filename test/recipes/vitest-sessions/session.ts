// Recipe: each vitest worker gets its own session of the shared server, named after its pool id,
// and resets it before each test. Clients only need the session's base URL.
import { beforeEach, inject } from 'vitest';
import { sessionUrl } from '@revokit/mock/server';

export const mockUrl = sessionUrl(inject('mockUrl'), `worker-${process.env.VITEST_POOL_ID}`);

/** The credentials this worker's session was seeded with (demo keys, minted for it alone). */
export async function credentials() {
  return (await fetch(`${mockUrl}/__mock/credentials`)).json();
}

beforeEach(async () => {
  await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' });
});
