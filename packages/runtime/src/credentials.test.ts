import { describe, expect, it } from 'vitest';
import { checkCredential, requireCredential, type CredentialRule } from './credentials.js';

const rule: CredentialRule = {
  option: 'apiKey',
  expected: 'an Acme key (acme_…)',
  wrongKinds: [[(key) => key.startsWith('other_'), 'an Other key (other_…); use the Other client']],
};

describe('checkCredential', () => {
  it('accepts absent and plausible keys', () => {
    expect(checkCredential(rule, undefined)).toBeUndefined();
    expect(checkCredential(rule, 'acme_123')).toBe('acme_123');
  });

  it.each([[''], ['acme 123'], ['acme_123\n'], ['acme_é'], [42]])('rejects %j, naming the option and format', (value) => {
    expect(() => checkCredential(rule, value)).toThrow(TypeError);
    expect(() => checkCredential(rule, value)).toThrow(/apiKey .*an Acme key \(acme_…\)/);
  });

  it('rejects a key of the wrong kind, saying what it looks like, without quoting it', () => {
    const key = 'other_SuperSecret123';
    expect(() => checkCredential(rule, key)).toThrow('apiKey expects an Acme key (acme_…), but the value looks like an Other key (other_…); use the Other client');
    try {
      checkCredential(rule, key);
    } catch (error) {
      expect(String((error as Error).stack)).not.toContain(key);
    }
  });
});

describe('requireCredential', () => {
  it('names the operation and the option', () => {
    expect(() => requireCredential(undefined, rule, 'things.revoke')).toThrow(new TypeError('things.revoke needs the apiKey option: an Acme key (acme_…)'));
    expect(requireCredential('acme_1', rule, 'things.revoke')).toBe('acme_1');
  });
});
