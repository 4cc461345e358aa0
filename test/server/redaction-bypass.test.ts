// No credential the mock minted reaches the journal, a log line or an error message, in any
// form a client can send it in: percent-encoded (one character, all of them, twice), case-
// folded, without its public prefix, cut in halves, or already rotated out.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLangWatchMock, createVineMock, onUnhandled } from '@revokit/mock';
import { useServer } from './support/server.js';

const FRAGMENT = 12;

/** Percent-decoding repeated until stable, byte by byte (credentials are ASCII). */
function decodeAll(text: string): string {
  let current = text;
  for (;;) {
    const next = current.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === current) return current;
    current = next;
  }
}

/** The credentials of which `text` shows 12 consecutive characters, in any case or encoding. */
function leaked(text: string, credentials: readonly string[]): string[] {
  const plain = decodeAll(text).toLowerCase();
  return credentials.filter((credential) =>
    credential
      .toLowerCase()
      .split(/[^0-9a-z]+/)
      .some((part) => Array.from({ length: Math.max(0, part.length - FRAGMENT + 1) }, (_, i) => part.slice(i, i + FRAGMENT)).some((window) => plain.includes(window))),
  );
}

const encodeAll = (text: string) => [...text].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`).join('');
const encodeFirst = (text: string) => encodeAll(text[0]!) + text.slice(1);
const randomPart = (credential: string) => credential.slice(Math.max(credential.lastIndexOf('_'), credential.lastIndexOf('-')) + 1);

/** Every disguise of one credential a client could put where an id or a query value goes. */
function disguises(credential: string): string[] {
  const bare = randomPart(credential);
  const half = Math.floor(bare.length / 2);
  return [
    encodeFirst(credential),
    encodeAll(credential),
    encodeAll(credential).replace(/%/g, '%25'), // encoded twice
    credential.toUpperCase(),
    credential.toLowerCase(),
    credential.replace(/^(sk-lw-|lw_vk_(live|test)_|vine_(live|test)_)/, ''), // without the public prefix
    bare,
    bare.slice(0, half),
    bare.slice(half),
    encodeFirst(bare.toLowerCase()),
  ];
}

describe('over HTTP', () => {
  for (const format of ['json', 'pretty'] as const) {
    describe(`--log ${format}`, () => {
      const api = useServer({ log: format });
      const answers: string[] = [];

      it('journal, log lines and answers show no credential, whatever its disguise', async () => {
        const { project, demo } = api.server.credentials;
        const { virtual_key, admin_api_key, member_api_key, vine_key } = demo!;
        // Rotate twice: the first secret leaves the state, the second becomes the previous one.
        const secrets = [virtual_key.secret];
        for (let i = 0; i < 2; i++) {
          const rotated = await api.post(`/api/gateway/v1/virtual-keys/${virtual_key.id}/rotate`, undefined, { 'x-auth-token': project.apiKey });
          secrets.push(rotated.body.secret);
        }
        const [lookupId, adminSecret] = admin_api_key.token.slice('sk-lw-'.length).split('_') as [string, string];
        const credentials = [project.apiKey, ...secrets, admin_api_key.token, member_api_key.token, vine_key.plaintext];
        const forms = [...credentials.flatMap(disguises), `${lookupId}_${adminSecret}`, lookupId, adminSecret];

        for (const form of forms) {
          const replies = [
            await api.post(`/api/v1/keys/${form}/revoke`),
            await api.post(`/api/gateway/v1/virtual-keys/${form}/revoke`, undefined, { 'x-auth-token': project.apiKey }),
            await api.send('DELETE', `/api/api-keys/${form}`, { headers: { authorization: `Bearer ${admin_api_key.token}` } }),
            await api.get(`/v1/models?key=${form}&n=1`, { authorization: `Bearer ${secrets[2]}` }),
            await api.get(`/nope/${form}/x`),
            await api.send('PUT', `/api/v1/keys/${form}/revoke`),
            await api.post('/__mock/faults', { operation_id: decodeAll(form) }),
            await api.post('/__mock/clock', { [decodeAll(form)]: 1 }),
          ];
          answers.push(...replies.map((reply) => reply.text));
        }
        const journal = (await api.get('/__mock/requests')).text;

        expect(leaked(journal, credentials)).toEqual([]);
        expect(api.logLines.length).toBeGreaterThan(forms.length * 6);
        expect(leaked(api.logLines.join('\n'), credentials)).toEqual([]);
        expect(leaked(answers.join('\n'), credentials)).toEqual([]);
        // Ids that are no credential stay readable.
        expect(journal).toContain(`/api/gateway/v1/virtual-keys/${virtual_key.id}/rotate`);
      });
    });
  }
});

describe('credentials minted while the server runs', () => {
  const api = useServer({ log: 'json' });

  it('are covered at once: created through the control plane, rotated, after a reset', async () => {
    const credentials: string[] = [];
    // Each new credential is sent right away, before anything else could refresh what redaction knows.
    const mintedAndSent = async (credential: string) => {
      credentials.push(credential);
      await api.get(`/nope/${randomPart(credential)}`);
    };
    await api.get('/nope/warm-up');
    const project = (await api.post('/__mock/langwatch/projects')).body;
    await mintedAndSent(project.api_key);
    const virtualKey = (await api.post('/__mock/langwatch/virtual-keys', { project_id: project.id })).body;
    await mintedAndSent(virtualKey.secret);
    await mintedAndSent((await api.post('/__mock/langwatch/api-keys', {})).body.token);
    await mintedAndSent((await api.post('/__mock/vine/keys', {})).body.key.plaintext);
    await mintedAndSent((await api.post(`/api/gateway/v1/virtual-keys/${virtualKey.virtual_key.id}/rotate`, undefined, { 'x-auth-token': project.api_key })).body.secret);
    await api.post('/__mock/reset');
    for (const credential of credentials) await api.get(`/nope/${randomPart(credential)}`);
    expect(api.logLines.filter((line) => line.includes('"/nope/'))).toHaveLength(2 * credentials.length + 1);
    expect(leaked(api.logLines.join('\n'), credentials)).toEqual([]);
  });
});

describe('in-process (MSW): each mock\'s own journal', () => {
  const lw = createLangWatchMock();
  const vine = createVineMock();
  const server = setupServer(...lw.handlers, ...vine.handlers);
  beforeAll(() => server.listen(onUnhandled('bypass')));
  afterAll(() => server.close());

  it('redacts its credentials in every disguise', async () => {
    const key = vine.seed.key();
    const admin = lw.seed.apiKey();
    const { secret } = lw.seed.virtualKey();
    for (const form of [...disguises(key.plaintext)]) await fetch(`https://vine.getcourtyard.ai/api/v1/keys/${form}/revoke`, { method: 'POST' });
    for (const form of [...disguises(admin.token), ...disguises(secret), ...disguises(lw.defaultProject.apiKey)]) {
      await fetch(`https://app.langwatch.ai/api/api-keys/${form}`, { method: 'DELETE' });
    }
    expect(vine.requests.length).toBe(10);
    expect(leaked(JSON.stringify(vine.requests), [key.plaintext])).toEqual([]);
    expect(leaked(JSON.stringify(lw.requests), [admin.token, secret, lw.defaultProject.apiKey])).toEqual([]);
  });
});
