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

/** An id starting like this is a secret passed by mistake. */
export const KEY_PREFIXES = ['vine_', 'sk-lw-', 'lw_vk_'] as const;
