import { describe, expect, it } from 'vitest';
import { isoTime, ISO_TIME } from './iso-time.js';
import { formats, patterns } from './langwatch/formats.js';
import { formats as vineFormats, patterns as vinePatterns } from './vine/formats.js';

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

  it('mints what its own patterns (the ones verify holds a live service to) accept', () => {
    for (let i = 0; i < 200; i++) {
      expect(formats.virtualKeyId()).toMatch(patterns.virtualKeyId);
      expect(formats.virtualKeySecret(i % 2 ? 'live' : 'test', Date.now() + i * 1e9)).toMatch(patterns.virtualKeySecret);
      expect(formats.projectApiKey()).toMatch(patterns.projectApiKey);
      expect(`sk-lw-${formats.apiKeyLookupId()}_${formats.apiKeySecret()}`).toMatch(patterns.apiKeyToken);
      expect(formats.apiKeyRowId()).toMatch(patterns.apiKeyRowId);
      expect(formats.requestId()).toMatch(patterns.requestId);
      expect(vineFormats.keyId()).toMatch(vinePatterns.keyId);
      expect(vineFormats.plaintext(i % 2 ? 'live' : 'test')).toMatch(vinePatterns.plaintext);
      expect(isoTime(Date.now() + i * 7_777_777)).toMatch(ISO_TIME);
    }
  });

  it('patterns refuse the shapes production moved to, and near misses', () => {
    expect('vk-lw-01J0000000000000000000000A').not.toMatch(patterns.virtualKeySecret); // production since 7dcaa895e2
    expect(`lw_vk_live_${'0'.repeat(25)}A`).toMatch(patterns.virtualKeySecret);
    expect(`lw_vk_live_${'0'.repeat(25)}I`).not.toMatch(patterns.virtualKeySecret); // I is not Crockford
    expect('sk-lw-abc_def').not.toMatch(patterns.apiKeyToken);
    expect('2026-05-21T10:11:12Z').not.toMatch(ISO_TIME);
    expect('vk_short').not.toMatch(patterns.virtualKeyId);
  });
});
