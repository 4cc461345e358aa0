// Bad input against the mock cores: nothing throws, every answer is in the API's own
// envelope, and no rejected request changes state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLangWatchCore, createVineCore, type Outcome } from '@revokit/mock';

const lw = createLangWatchCore({ clock: 'frozen' });
const vk = lw.seed.virtualKey();
const adminKey = lw.seed.apiKey();
const vine = createVineCore({ clock: 'frozen' });
const vineKey = vine.seed.key();

const junkId = fc.oneof(
  fc.string({ maxLength: 64, unit: 'grapheme' }),
  fc.constantFrom('', '.', '..', '%2E%2E', 'a/b', '../../etc/passwd', 'é', '🔑', '\u0000', 'x'.repeat(10_240)),
  fc.string({ minLength: 10_240, maxLength: 10_300 }),
);
const junkBasic = fc.string({ maxLength: 60 }).map((text) => `Basic ${text}`);
const junkHeader = fc.option(fc.oneof(fc.string({ maxLength: 80 }), junkBasic, fc.constantFrom('Bearer', 'Bearer ', 'bearer sk-lw-', 'Basic x', 'Basic Og==', 'sk-lw-x_y')), { nil: undefined });
const method = fc.constantFrom('POST', 'DELETE', 'GET', 'PUT', 'post');
const routes = fc.constantFrom(
  (id: string) => `/api/gateway/v1/virtual-keys/${id}/revoke`,
  (id: string) => `/api/gateway/v1/virtual-keys/${id}/rotate`,
  (id: string) => `/api/api-keys/${id}`,
  (id: string) => `/api/v1/keys/${id}/revoke`,
  (id: string) => `/v1/${id}`,
  (id: string) => `/v1/${id}/completions`,
);

function send(core: { handle(request: never): Outcome }, m: string, path: string, headers: Record<string, string | undefined>): Outcome {
  return core.handle({ method: m, url: `http://mock.test${path}`, path, headers, body: undefined } as never);
}

describe('junk ids and headers', () => {
  it('never throw, answer in the API envelope, and leave state alone', () => {
    const lwBefore = lw.snapshot();
    const vineBefore = vine.snapshot();
    fc.assert(
      fc.property(routes, junkId, fc.boolean(), method, junkHeader, junkHeader, (route, id, encode, m, auth, token) => {
        const path = route(encode ? encodeURIComponent(id) : id);
        const headers = { authorization: auth, 'x-auth-token': token, 'x-api-key': auth };
        for (const core of [lw, vine]) {
          const outcome = send(core, m, path, headers);
          if (outcome.kind !== 'respond') continue;
          const { status, body } = outcome.response;
          expect([400, 401, 403, 404, 405]).toContain(status);
          if (path.startsWith('/api/v1/')) expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
          else if (path.startsWith('/v1/')) expect(body).toEqual({ error: { type: expect.any(String), code: expect.any(String), message: expect.any(String) } });
          else expect(body).toEqual({ error: expect.any(String), message: expect.any(String) });
        }
      }),
      { numRuns: 400 },
    );
    expect(lw.snapshot()).toEqual(lwBefore);
    expect(vine.snapshot()).toEqual(vineBefore);
  });

  it('answers 404 for unaddressable or odd ids even with valid credentials, changing nothing', () => {
    const before = lw.snapshot();
    const vineBefore = vine.snapshot();
    for (const id of ['', '.', '..', 'a/b', 'é', '🔑', 'x'.repeat(10_240), `${vk.virtual_key.id}/`]) {
      const encoded = encodeURIComponent(id);
      const revoke = send(lw, 'POST', `/api/gateway/v1/virtual-keys/${encoded}/revoke`, { 'x-auth-token': lw.defaultProject.apiKey });
      expect(revoke).toMatchObject({ kind: 'respond', response: { status: 404, body: { error: 'Virtual key not found', message: 'Virtual key not found' } } });
      const remove = send(lw, 'DELETE', `/api/api-keys/${encoded}`, { authorization: `Bearer ${adminKey.token}` });
      expect(remove).toMatchObject({ kind: 'respond', response: { status: 404, body: { error: 'Not Found', message: 'API key not found' } } });
      const vineRevoke = send(vine, 'POST', `/api/v1/keys/${encoded}/revoke`, {});
      expect(vineRevoke).toMatchObject({ kind: 'respond', response: { status: 404, body: { error: { code: 'not_found' } } } });
    }
    expect(lw.snapshot()).toEqual(before);
    expect(vine.snapshot()).toEqual(vineBefore);
    expect(vineKey.id).toBeTruthy();
  });

  it('keeps a malformed chat-completions body from crashing the data plane', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (body) => {
        const outcome = lw.handle({ method: 'POST', url: 'http://mock.test/v1/chat/completions', path: '/v1/chat/completions', headers: { authorization: `Bearer ${vk.secret}` }, body });
        expect(outcome.kind).toBe('respond');
        if (outcome.kind === 'respond') expect([200, 400]).toContain(outcome.response.status);
      }),
      { numRuns: 200 },
    );
  });
});
