// No credential in any error: message, stack, String(), JSON.stringify, util.inspect
// (with hidden properties and the cause chain), nor in any console output.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoSecrets, renderings } from '@revokit/runtime/testing/leak-scan';
import { fetchFailed, json, scriptedFetch, text, type Reply } from '@revokit/runtime/testing/fake-fetch';
import { createLangWatchClient, type LangWatchClientOptions } from './index.js';
import { langwatchValidators } from './validators.js';
import { ADMIN_KEY, ADMIN_SECRET, BASE_URL, PROJECT_KEY, revokeBody } from './testing/fixtures.js';

const SECRETS = [PROJECT_KEY, ADMIN_KEY, ADMIN_SECRET];
const echo = `project ${PROJECT_KEY} admin ${ADMIN_KEY} secret ${ADMIN_SECRET}`;

let consoleCalls: unknown[][];
beforeEach(() => {
  consoleCalls = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void consoleCalls.push(args));
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  expect(consoleCalls).toEqual([]); // the clients never log
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
