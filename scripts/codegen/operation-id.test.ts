import { describe, expect, it } from 'vitest';
import { deriveOperationId } from './operation-id.ts';

describe('deriveOperationId', () => {
  it.each([
    ['post', '/api/v1/keys/{id}/revoke', 'postApiV1KeysByIdRevoke'],
    ['POST', '/api/gateway/v1/virtual-keys/{id}/rotate', 'postApiGatewayV1Virtual-keysByIdRotate'],
    ['delete', '/api/api-keys/{id}', 'deleteApiApi-keysById'],
    ['get', '/orgs/{orgId}/keys/{keyId}', 'getOrgsByOrgIdKeysByKeyId'],
    ['get', '/', 'get'],
    ['put', '//double//slash/', 'putDoubleSlash'],
  ])('%s %s → %s', (method, path, expected) => {
    expect(deriveOperationId(method, path)).toBe(expected);
  });

  it('matches the name LangWatch itself gives the gateway routes', () => {
    // The gateway spec names its operations; derivation reproduces them, so derived Vine names share the style.
    expect(deriveOperationId('post', '/api/gateway/v1/virtual-keys/{id}/revoke')).toBe('postApiGatewayV1Virtual-keysByIdRevoke');
  });

  it('is stable and distinguishes methods and paths', () => {
    expect(deriveOperationId('post', '/a/{id}')).toBe(deriveOperationId('post', '/a/{id}'));
    expect(deriveOperationId('post', '/a/{id}')).not.toBe(deriveOperationId('get', '/a/{id}'));
    expect(deriveOperationId('post', '/a/{id}')).not.toBe(deriveOperationId('post', '/a/{key}'));
  });
});
