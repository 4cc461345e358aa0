// Client overhead: one SDK call against raw fetch, to the same bare server, in the same run.
import { fork } from 'node:child_process';
import { afterAll, bench, describe } from 'vitest';
import { createVineClient } from '@revokit/vine';
import { vineValidators } from '@revokit/vine/validators';

const child = fork(new URL('./bare-vine-server.mjs', import.meta.url));
const port = await new Promise<number>((resolve) => child.once('message', (message) => resolve(message as number)));
afterAll(() => child.kill());

const baseUrl = `http://127.0.0.1:${port}`;
const plain = createVineClient({ baseUrl, maxRetries: 0 });
// Long runs with warm-up: loopback round trips on a 2-core machine are noisy.
const options = { time: 4_000, warmupTime: 1_000 };
const validating = createVineClient({ baseUrl, maxRetries: 0, validators: vineValidators });

describe('vine revoke, one call at a time', () => {
  bench('raw fetch (baseline)', async () => {
    const response = await fetch(`${baseUrl}/api/v1/keys/key_bench/revoke`, { method: 'POST' });
    await response.json();
  }, options);
  bench('@revokit/vine', async () => {
    await plain.keys.revoke('key_bench');
  }, options);
  bench('@revokit/vine, validators', async () => {
    await validating.keys.revoke('key_bench');
  }, options);
});
