// Vine key format (the spec's bearerAuth scheme): vine_live_… / vine_test_…
import type { CredentialRule } from '@revokit/runtime';

export const VINE_KEY: CredentialRule = {
  option: 'apiKey',
  expected: 'a Vine API key (vine_live_… or vine_test_…)',
  wrongKinds: [
    [(key) => key.startsWith('sk-lw-'), 'a LangWatch key (sk-lw-…); use it with createLangWatchClient'],
    [(key) => key.startsWith('lw_vk_'), 'a LangWatch virtual-key secret (lw_vk_…)'],
  ],
};

/**
 * Secrets start like this: Vine keys, and LangWatch's (sk-lw-…, pat-lw-…, virtual-key secrets
 * lw_vk_… and vk-lw-…). An id starting like this is a secret passed by mistake; an error text
 * holding one is scrubbed.
 */
export const KEY_PREFIXES = ['vine_', 'sk-lw-', 'pat-lw-', 'lw_vk_', 'vk-lw-'] as const;

/** Answer fields that hold a minted secret: `plaintext` (key create). */
export const SECRET_FIELDS = ['plaintext'] as const;
