// Findings 6, 7 and 8 of issue 17: redaction reaches every world, outlives a session, and decodes
// however deep the encoding goes.
// 6: the gateway's 404 in a session and Vine's 422 quoted credentials of another world or product.
// 7: journals were redacted when read, so once session B ended, another journal's entry holding
//    B's secret showed it; so did a log line written after B was gone.
// 8: decoding stopped after 8 rounds of percent-encoding.
import { describe, expect, it } from 'vitest';
import { useServer } from '../server/support/server.js';
import { encodeRounds, leaked, randomPart } from './support/leaks.js';

type Credentials = { project: { api_key: string }; demo: { virtual_key: { id: string; secret: string }; admin_api_key: { token: string }; vine_key: { id: string; plaintext: string } } };

describe('every answer is redacted against every world and product (finding 6)', () => {
  const api = useServer();

  it("the gateway's 404 in a session does not quote the default world's admin token", async () => {
    const session = { 'x-revokit-session': 'w6' };
    const mine = (await api.get('/__mock/credentials', session)).body as Credentials;
    const { admin_api_key } = api.server.credentials.demo!;
    const reply = await api.get(`/v1/files/${randomPart(admin_api_key.token)}`, { ...session, authorization: `Bearer ${mine.demo.virtual_key.secret}` });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
    expect(leaked(reply.text, [admin_api_key.token])).toEqual([]);
  });

  it("Vine's 422 does not quote a field named after a LangWatch key", async () => {
    const { project, demo } = api.server.credentials;
    const body = JSON.stringify({ url: 'https://studio.example/', [randomPart(project.apiKey)]: 1 });
    const reply = await api.post('/api/v1/detect', body, { authorization: `Bearer ${demo!.vine_key.plaintext}` });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(leaked(reply.text, [project.apiKey])).toEqual([]);
  });

  it("the app API's validation error does not quote a credential sent as a value", async () => {
    const { project, demo } = api.server.credentials;
    const reply = await api.post('/api/gateway/v1/virtual-keys', { name: 'x', environment: randomPart(demo!.admin_api_key.token) }, { 'x-auth-token': project.apiKey });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('validation_error');
    expect(reply.text).toContain('invalid_enum_value');
    expect(leaked(reply.text, [demo!.admin_api_key.token])).toEqual([]);
  });
});

describe("an ended session's credentials stay redacted (finding 7)", () => {
  const api = useServer({ log: 'json' });
  const sessionCredentials = async (id: string) => (await api.get('/__mock/credentials', { 'x-revokit-session': id })).body as Credentials;

  it("in another world's journal, after the session ended", async () => {
    const b = await sessionCredentials('b7');
    const bare = randomPart(b.demo.vine_key.plaintext);
    expect((await api.post(`/api/v1/keys/${bare}/revoke`)).status).toBe(404); // sent to the default world by mistake
    expect(leaked((await api.get('/__mock/requests')).text, [bare])).toEqual([]);
    expect((await api.send('DELETE', '/__mock/sessions/b7')).status).toBe(204);
    expect(leaked((await api.get('/__mock/requests')).text, [bare])).toEqual([]);
    expect(leaked(api.logLines.join('\n'), [bare])).toEqual([]);
  });

  it('in the log line of a request answered after its session ended', async () => {
    const c = await sessionCredentials('c7');
    const session = { 'x-revokit-session': 'c7' };
    const bare = randomPart(c.demo.vine_key.plaintext);
    expect((await api.post('/__mock/faults', { operation_id: 'postApiV1KeysByIdRevoke', status: 503, delay_ms: 300 }, session)).status).toBe(201);
    const delayed = api.post(`/api/v1/keys/${bare}/revoke`, undefined, session);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await api.send('DELETE', '/__mock/sessions/c7')).status).toBe(204);
    expect((await delayed).status).toBe(503);
    const line = api.logLines.find((text) => text.includes('postApiV1KeysByIdRevoke') && text.includes('"status":503'));
    expect(line).toBeDefined();
    expect(leaked(line!, [bare])).toEqual([]);
  });
});

describe('decoding goes as deep as the encoding (finding 8)', () => {
  const api = useServer({ log: 'json' });

  it.each([9, 12, 30])('%i rounds of percent-encoding reach neither the journal, nor the log, nor a 404', async (rounds) => {
    const { project } = api.server.credentials;
    const encoded = encodeRounds(project.apiKey, rounds);
    const answers = [await api.post(`/api/v1/keys/${encoded}/revoke`), await api.get(`/nope/${encoded}`)];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404]);
    const texts = [...answers.map((answer) => answer.text), (await api.get('/__mock/requests')).text, api.logLines.join('\n')];
    for (const text of texts) expect(leaked(text, [project.apiKey])).toEqual([]);
  });
});
