// No credential in any error: message, stack, String(), JSON.stringify, util.inspect
// (with hidden properties and the cause chain), nor in any console output.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoSecrets, forbidConsoleOutput, renderings } from '@revokit/runtime/testing/leak-scan';
import { fetchFailed, json, scriptedFetch, text, type Reply } from '@revokit/runtime/testing/fake-fetch';
import { createLangWatchClient, type LangWatchClientOptions } from './index.js';
import { langwatchValidators } from './validators.js';
import {
  ADMIN_KEY,
  ADMIN_SECRET,
  BASE_URL,
  MINTED_SECRET,
  MINTED_TOKEN,
  PROJECT_KEY,
  createdApiKey,
  createdKey,
  revokeBody,
  rotateBody,
} from './testing/fixtures.js';

const SECRETS = [PROJECT_KEY, ADMIN_KEY, ADMIN_SECRET];
const echo = `project ${PROJECT_KEY} admin ${ADMIN_KEY} secret ${ADMIN_SECRET}`;

forbidConsoleOutput(); // the clients never log
afterEach(() => {
  vi.useRealTimers();
});

async function errorOf(reply: Reply | Reply[], run: (lw: ReturnType<typeof createLangWatchClient>) => Promise<unknown>, options: LangWatchClientOptions = {}) {
  const fetch = scriptedFetch(...(Array.isArray(reply) ? reply : [reply]));
  const lw = createLangWatchClient({ apiKey: PROJECT_KEY, adminApiKey: ADMIN_KEY, baseUrl: BASE_URL, fetch, maxRetries: 0, ...options });
  return run(lw).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('no credential leaks into errors', () => {
  it.each([400, 401, 403, 404, 409, 422, 429, 500, 502, 418])('status %i whose body and headers echo the keys', async (status) => {
    const body = { error: `code ${echo}`, message: `message ${echo}`, details: [{ key: PROJECT_KEY, nested: { admin: ADMIN_SECRET } }] };
    const headers = { 'x-echo': echo, 'www-authenticate': `Bearer ${ADMIN_KEY}`, 'x-request-id': `req ${PROJECT_KEY}` };
    for (const run of [(lw: any) => lw.virtualKeys.revoke('vk_1'), (lw: any) => lw.apiKeys.revoke('key_1'), (lw: any) => lw.virtualKeys.rotate('vk_1')]) {
      const error = await errorOf(json(status, body, headers), run);
      expect(error).toMatchObject({ status });
      expectNoSecrets(error, SECRETS);
      expect(JSON.stringify((error as { body: unknown }).body)).not.toContain(PROJECT_KEY);
      expect((error as { headers: Headers }).headers.get('x-echo')).not.toContain(ADMIN_SECRET);
    }
  });

  it('an HTML error page echoing the keys', async () => {
    const error = await errorOf(text(502, `<html>${echo}</html>`), (lw) => lw.virtualKeys.revoke('vk_1'));
    expectNoSecrets(error, SECRETS);
    expect((error as { body: string }).body).toContain('[redacted]');
  });

  it('a connection error whose cause holds the Request (with its headers) and quotes the keys', async () => {
    const cause = Object.assign(new Error(`socket hang up while sending ${echo}`), { code: 'ECONNRESET' });
    const fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const request = new Request(input, init);
      throw Object.assign(new TypeError(`fetch failed: ${echo}`), { cause, request, headers: request.headers });
    };
    for (const run of [(lw: any) => lw.virtualKeys.revoke('vk_1'), (lw: any) => lw.apiKeys.revoke('key_1')]) {
      const error = await errorOf([], run, { fetch });
      expect(error).toMatchObject({ name: 'ApiConnectionError' });
      expectNoSecrets(error, SECRETS);
      expect(renderings(error).cause).toContain('ECONNRESET'); // the useful part survives
    }
  });

  it('a refused connection (undici shape)', async () => {
    const error = await errorOf(fetchFailed('ECONNREFUSED'), (lw) => lw.virtualKeys.rotate('vk_1'));
    expectNoSecrets(error, SECRETS);
  });

  it('a timeout', async () => {
    vi.useFakeTimers();
    const pending = errorOf('hang', (lw) => lw.apiKeys.revoke('key_1'), { timeoutMs: 10 });
    await vi.advanceTimersByTimeAsync(10);
    const error = await pending;
    expect(error).toMatchObject({ name: 'ApiTimeoutError' });
    expectNoSecrets(error, SECRETS);
  });

  it('a response validation failure on a body echoing the keys', async () => {
    const body = { virtual_key: { ...revokeBody.virtual_key, status: PROJECT_KEY, name: ADMIN_KEY } };
    const error = await errorOf(json(200, body, { 'x-echo': echo }), (lw) => lw.virtualKeys.revoke('vk_1'), { validators: langwatchValidators });
    expect(error).toMatchObject({ name: 'ResponseValidationError', path: 'virtual_key.status' });
    expectNoSecrets(error, SECRETS);
  });

  it('a 2xx that is not JSON, echoing the keys', async () => {
    const error = await errorOf(text(200, echo), (lw) => lw.virtualKeys.revoke('vk_1'));
    expectNoSecrets(error, SECRETS);
  });

  it('misuse errors: wrong kind of key, key as id, missing credential', async () => {
    const misuse: unknown[] = [];
    const capture = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        misuse.push(error);
      }
    };
    capture(() => createLangWatchClient({ apiKey: ADMIN_KEY }));
    capture(() => createLangWatchClient({ adminApiKey: PROJECT_KEY }));
    capture(() => createLangWatchClient({ apiKey: `${PROJECT_KEY} ` }));
    const lw = createLangWatchClient({ apiKey: PROJECT_KEY, adminApiKey: ADMIN_KEY, fetch: scriptedFetch() });
    misuse.push(await lw.virtualKeys.revoke(PROJECT_KEY).catch((e: unknown) => e));
    misuse.push(await lw.apiKeys.revoke(ADMIN_KEY).catch((e: unknown) => e));
    misuse.push(await createLangWatchClient({ adminApiKey: ADMIN_KEY }).virtualKeys.revoke('vk_1').catch((e: unknown) => e));
    expect(misuse).toHaveLength(6);
    for (const error of misuse) {
      expect(error).toBeInstanceOf(TypeError);
      expectNoSecrets(error, SECRETS);
    }
  });

  it('the client object itself does not print its keys', () => {
    const lw = createLangWatchClient({ apiKey: PROJECT_KEY, adminApiKey: ADMIN_KEY });
    expectNoSecrets(lw, SECRETS);
  });

  it('the scan would notice a leak (guards against a vacuous pass)', () => {
    expect(() => expectNoSecrets(new Error(`oops ${PROJECT_KEY}`), SECRETS)).toThrow();
    expect(() => expectNoSecrets(Object.assign(new Error('x'), { extra: ADMIN_SECRET }), SECRETS)).toThrow();
    expect(() => expectNoSecrets(new Error('x', { cause: { headers: { authorization: ADMIN_KEY } } }), SECRETS)).toThrow();
  });
});

// Secrets the service mints (issue 18): a create's or a rotate's answer. The client cannot know
// them in advance, so it scrubs them by shape (a known prefix) and by the field that holds them.
describe('no minted secret leaks into errors', () => {
  const MINTED = [MINTED_SECRET, MINTED_TOKEN, MINTED_TOKEN.slice(MINTED_TOKEN.indexOf('_') + 1), rotateBody.secret];
  const newKey = { name: 'checkout', provider_credential_ids: ['pc_1'] };
  const mints = {
    'virtualKeys.create': (lw: ReturnType<typeof createLangWatchClient>) => lw.virtualKeys.create(newKey),
    'virtualKeys.rotate': (lw: ReturnType<typeof createLangWatchClient>) => lw.virtualKeys.rotate('vk_1'),
    'apiKeys.create': (lw: ReturnType<typeof createLangWatchClient>) => lw.apiKeys.create({ name: 'bot', keyType: 'service' }),
  };

  it.each([409, 500, 502, 504])('an error body of status %i that carries a whole answer (a proxy or a replay)', async (status) => {
    const body = { error: 'Conflict', message: 'already created', ...createdKey, replay: { ...createdApiKey, rotated: rotateBody } };
    for (const run of Object.values(mints)) {
      const error = await errorOf(json(status, body), run);
      expect(error).toMatchObject({ status });
      expectNoSecrets(error, MINTED);
      expect(error).toMatchObject({ body: { secret: '[redacted]', virtual_key: { id: 'vk_new' }, replay: { token: '[redacted]', apiKey: createdApiKey.apiKey } } });
    }
  });

  it('a field that holds a secret is scrubbed whatever its value looks like, in any letter case', async () => {
    const body = { error: 'x', detail: { Secret: 'opaque-0001', TOKEN: { nested: 'opaque-0002' }, list: [{ secret: 'opaque-0003' }] } };
    const error = await errorOf(json(500, body), mints['virtualKeys.create']);
    expectNoSecrets(error, ['opaque-0001', 'opaque-0002', 'opaque-0003']);
    expect(error).toMatchObject({ body: { detail: { Secret: '[redacted]', TOKEN: '[redacted]', list: [{ secret: '[redacted]' }] } } });
  });

  it('a secret in free text, found by its shape: body, message, reason phrase, headers; any case, percent-encoded', async () => {
    const todays = ['vk-lw-01JZ8Q4TS6M2C9X7R5BNWPHKDE', 'pat-lw-0123456789abcdefABCDEF'];
    const shapes = [...MINTED, ...todays];
    const percent = [...MINTED_SECRET].map((char, i) => (i % 3 === 0 ? `%${char.charCodeAt(0).toString(16)}` : char)).join('');
    const said = `keys ${MINTED_SECRET}, ${MINTED_TOKEN.toLowerCase()}, ${percent}, ${todays.join(' and ')}.`;
    const replies = [
      json(409, { error: `Conflict ${said}`, message: said, [said]: said }, { 'x-echo': said, [`x-${MINTED_SECRET}`]: '1' }),
      new Response(null, { status: 500, statusText: `Failed ${MINTED_SECRET}` }),
      text(502, `<html>${said}</html>`),
    ];
    for (const reply of replies) {
      for (const run of Object.values(mints)) {
        const error = await errorOf(reply.clone(), run);
        expectNoSecrets(error, [...shapes, percent]);
        expect(renderings(error).inspect).toContain('[redacted]');
      }
    }
    const error = (await errorOf(replies[0]!.clone(), mints['apiKeys.create'])) as { message: string };
    expect(error.message).toBe('keys [redacted], [redacted], [redacted], [redacted] and [redacted].');
  });

  it("a create answer that fails validation: no rendering shows the secret, error.body keeps it for the app's recovery", async () => {
    for (const [reply, run, secret] of [
      [json(201, { ...createdKey, virtual_key: { ...createdKey.virtual_key, status: 'ACTIVE' } }), mints['virtualKeys.create'], MINTED_SECRET],
      [json(200, createdKey), mints['virtualKeys.create'], MINTED_SECRET], // 200 is not the documented status
      [json(201, { ...createdApiKey, apiKey: { ...createdApiKey.apiKey, createdAt: 'now' } }), mints['apiKeys.create'], MINTED_TOKEN],
      [text(201, `secret=${MINTED_SECRET}`), mints['virtualKeys.create'], MINTED_SECRET], // not JSON
    ] as const) {
      const error = (await errorOf(reply, run, { validators: langwatchValidators })) as { name: string; body: unknown };
      expect(error.name).toBe('ResponseValidationError');
      expectNoSecrets(error, [secret]);
      expect(JSON.stringify(error.body)).toContain(secret);
    }
  });

  it('a connection error on create whose cause holds the Request (its body too) and quotes a minted secret', async () => {
    const fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const request = new Request(input, init);
      throw Object.assign(new TypeError(`fetch failed after ${MINTED_SECRET}`), { request, body: init?.body, cause: { code: 'ECONNRESET', message: MINTED_TOKEN } });
    };
    const error = await errorOf([], mints['virtualKeys.create'], { fetch });
    expect(error).toMatchObject({ name: 'ApiConnectionError' });
    expectNoSecrets(error, [...SECRETS, ...MINTED, '"provider_credential_ids"']);
  });

  it('the answers themselves keep their secrets: the app needs them', async () => {
    const fetch = scriptedFetch(json(201, createdKey), json(201, createdApiKey));
    const lw = createLangWatchClient({ apiKey: PROJECT_KEY, adminApiKey: ADMIN_KEY, baseUrl: BASE_URL, fetch });
    expect((await lw.virtualKeys.create(newKey)).secret).toBe(MINTED_SECRET);
    expect((await lw.apiKeys.create({ name: 'bot', keyType: 'service' })).token).toBe(MINTED_TOKEN);
  });
});
