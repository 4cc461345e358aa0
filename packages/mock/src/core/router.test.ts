import { describe, expect, it } from 'vitest';
import { createRouter } from './router.js';

const router = createRouter([
  { name: 'revoke', method: 'POST', path: '/api/v1/keys/{id}/revoke' },
  { name: 'remove', method: 'DELETE', path: '/api/api-keys/{id}' },
]);

describe('router', () => {
  it('matches a template and decodes the parameter', () => {
    expect(router.match('POST', '/api/v1/keys/a%2Fb%3Fc%23d/revoke')).toEqual({ kind: 'match', name: 'revoke', params: { id: 'a/b?c#d' } });
    expect(router.match('post', '/api/v1/keys/%C3%A9/revoke')).toEqual({ kind: 'match', name: 'revoke', params: { id: 'é' } });
  });

  it('lets an empty segment reach the behaviour', () => {
    expect(router.match('POST', '/api/v1/keys//revoke')).toEqual({ kind: 'match', name: 'revoke', params: { id: '' } });
  });

  it('keeps a malformed escape as it is instead of throwing', () => {
    expect(router.match('POST', '/api/v1/keys/%E0%A4%A/revoke')).toEqual({ kind: 'match', name: 'revoke', params: { id: '%E0%A4%A' } });
  });

  it('does not match extra or missing segments', () => {
    expect(router.match('POST', '/api/v1/keys/a/b/revoke').kind).toBe('none');
    expect(router.match('POST', '/api/v1/keys/revoke').kind).toBe('none');
    expect(router.match('POST', '/api/v1/keys/a/revoke/').kind).toBe('none');
  });

  it('reports the allowed methods of a known path', () => {
    expect(router.match('GET', '/api/api-keys/x')).toEqual({ kind: 'method-not-allowed', allow: ['DELETE'] });
  });
});
