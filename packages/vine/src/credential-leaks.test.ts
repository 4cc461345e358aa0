// A minted key's plaintext (keys.create) never reaches an error rendering or the console;
// the answer itself keeps it for the app. (The configured key: client.test.ts, "no credential leaks".)
import { describe, expect, it } from 'vitest';
import { expectNoSecrets, forbidConsoleOutput } from '@revokit/runtime/testing/leak-scan';
import { json, scriptedFetch, text, type Reply } from '@revokit/runtime/testing/fake-fetch';
import { createVineClient } from './index.js';
import { vineValidators } from './validators.js';
import { BASE_URL, PLAINTEXT, VINE_KEY, createBody } from './testing/fixtures.js';

forbidConsoleOutput(); // the client never logs

const create = (reply: Reply, options = {}) =>
  createVineClient({ apiKey: VINE_KEY, baseUrl: BASE_URL, fetch: scriptedFetch(reply), maxRetries: 0, ...options })
    .keys.create({ name: 'k' })
    .then(
      () => {
        throw new Error('expected the call to fail');
      },
      (error: unknown) => error,
    );

describe('no minted plaintext leaks into errors', () => {
  it.each([409, 422, 500, 503])('an error body of status %i carrying the answer, or quoting the plaintext', async (status) => {
    const said = `key ${PLAINTEXT} exists (${encodeURIComponent(PLAINTEXT).replace('_', '%5F')})`;
    const error = await create(json(status, { error: { code: 'conflict', message: said }, ...createBody, hint: { Plaintext: 'opaque-0001' } }, { 'x-echo': said }));
    expect(error).toMatchObject({ status, message: 'key [redacted] exists ([redacted])', body: { key: { plaintext: '[redacted]' }, hint: { Plaintext: '[redacted]' } } });
    expectNoSecrets(error, [PLAINTEXT, VINE_KEY, 'opaque-0001']);
  });

  it('an HTML page quoting it', async () => {
    expectNoSecrets(await create(text(502, `<p>${PLAINTEXT}</p>`)), [PLAINTEXT]);
  });

  it('an answer that fails validation: no rendering shows the plaintext; error.body keeps it for recovery', async () => {
    const error = (await create(json(201, { key: { ...createBody.key, scopes: 'detect' } }), { validators: vineValidators })) as { name: string; body: unknown };
    expect(error.name).toBe('ResponseValidationError');
    expectNoSecrets(error, [PLAINTEXT]);
    expect(error.body).toEqual({ key: { ...createBody.key, scopes: 'detect' } });
  });

  it('the answer keeps the plaintext: the app needs it', async () => {
    const vine = createVineClient({ baseUrl: BASE_URL, fetch: scriptedFetch(json(201, createBody)) });
    expect((await vine.keys.create({ name: 'k' })).key?.plaintext).toBe(PLAINTEXT);
  });
});
