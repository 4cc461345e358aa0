// Answers that quote what a request sent (a path, a JSON field name, a session id) never quote a
// credential in it, and a session's journal never shows another world's credential. Found by the
// model-based fuzz (test/reliability/model-fuzz-*.test.ts).
import { describe, expect, it } from 'vitest';
import { createLangWatchCore, createVineCore } from '@revokit/mock';
import { useServer } from './support/server.js';

const api = useServer({ log: 'silent' });
const credentials = () => api.server.credentials;
const projectKey = () => credentials().project.apiKey;
const adminToken = () => credentials().demo!.admin_api_key.token;
const vkSecret = () => credentials().demo!.virtual_key.secret;
const vineKey = () => credentials().demo!.vine_key.plaintext;
/** An admin token without its public prefix: still a credential (docs/server.md). */
const bare = (token: string) => token.slice('sk-lw-'.length);

describe('answers that quote the request', () => {
  it('the gateway\'s 404 and 405 under /v1/ quote the path without the credential in it', async () => {
    const auth = { authorization: `Bearer ${vkSecret()}` };
    const notFound = await api.send('GET', `/v1/files/${vkSecret()}`, { headers: auth });
    expect(notFound.status).toBe(404);
    expect(notFound.text).not.toContain(vkSecret());
    expect(notFound.body.error.message).toContain('[redacted]');
    const other = await api.send('GET', `/v1/files/${bare(adminToken())}`, { headers: auth });
    expect(other.text).not.toContain(bare(adminToken()));
  });

  it('the dashboard\'s 404 quotes the path without the credential in it', async () => {
    const reply = await api.send('GET', `/__mock/ui/${projectKey()}`);
    expect(reply.status).toBe(404);
    expect(reply.text).not.toContain(projectKey());
  });

  it('Vine\'s 422 names an unknown field without the credential it is', async () => {
    const reply = await api.post('/api/v1/detect', { [adminToken()]: 1 }, { authorization: `Bearer ${vineKey()}` });
    expect(reply.status).toBe(422);
    expect(reply.text).not.toContain(adminToken());
  });

  it('the 400 for a malformed session id does not quote the credential sent as one', async () => {
    for (const path of ['/v1/models', '/api/v1/keys/x/revoke', '/nope']) {
      const reply = await api.send('POST', path, { headers: { 'x-revokit-session': `%${projectKey()}` } });
      expect(reply.status).toBe(400);
      expect(reply.text).not.toContain(projectKey().slice('sk-lw-'.length));
    }
  });
});

describe('journals', () => {
  it('a session\'s journal does not show a credential of another world sent to it', async () => {
    const secret = bare(adminToken());
    await api.send('POST', `/api/v1/keys/${secret}/revoke?key=${bare(projectKey())}`, { headers: { 'x-revokit-session': 'echo-1' } });
    const journal = await api.send('GET', '/__mock/requests', { headers: { 'x-revokit-session': 'echo-1' } });
    expect(journal.body.vine).toHaveLength(1);
    expect(journal.text).not.toContain(secret);
    expect(journal.text).not.toContain(bare(projectKey()));
  });
});

describe('in-process mocks (the same cores under MSW)', () => {
  it('the gateway and Vine quote no credential of their own', () => {
    const langwatch = createLangWatchCore({ clock: 'frozen' });
    const { secret } = langwatch.seed.virtualKey();
    const notFound = langwatch.handle({ method: 'GET', url: `https://gateway.test/v1/x/${secret}`, path: `/v1/x/${secret}`, headers: { authorization: `Bearer ${secret}` }, body: undefined });
    expect(notFound).toMatchObject({ kind: 'respond', response: { status: 404 } });
    expect(JSON.stringify(notFound)).not.toContain(secret);

    const vine = createVineCore({ clock: 'frozen' });
    const key = vine.seed.key();
    const unknownField = vine.handle({ method: 'POST', url: 'https://vine.test/api/v1/detect', path: '/api/v1/detect', headers: { authorization: `Bearer ${key.plaintext}` }, body: JSON.stringify({ [key.plaintext]: 1 }) });
    expect(unknownField).toMatchObject({ kind: 'respond', response: { status: 422 } });
    expect(JSON.stringify(unknownField)).not.toContain(key.plaintext);
  });
});
