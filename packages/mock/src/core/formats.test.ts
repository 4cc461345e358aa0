import { describe, expect, it } from 'vitest';
import { formats } from './langwatch/formats.js';
import { formats as vineFormats } from './vine/formats.js';

describe('formats', () => {
  it('mints ids and secrets in the real services\' shapes', () => {
    expect(formats.virtualKeyId()).toMatch(/^vk_[A-Za-z0-9_-]{22}$/);
    expect(formats.virtualKeySecret('test', Date.now())).toMatch(/^lw_vk_test_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(formats.projectApiKey()).toMatch(/^sk-lw-[A-Za-z0-9]{48}$/);
    expect(formats.apiKeyRowId()).toMatch(/^[A-Za-z0-9]{21}$/);
    expect(formats.apiKeyLookupId()).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(formats.apiKeySecret()).toMatch(/^[A-Za-z0-9]{48}$/);
    expect(formats.requestId()).toMatch(/^req_[0-9a-f]{30}$/);
    expect(vineFormats.plaintext('live')).toMatch(/^vine_live_[A-Za-z0-9]{32}$/);
    expect(vineFormats.keyId()).toMatch(/^c[0-9a-z]{24}$/);
  });
});
