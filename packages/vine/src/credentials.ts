// Vine key format (the spec's bearerAuth scheme): vine_live_… / vine_test_…
import type { CredentialRule } from '@revokit/runtime';

export const VINE_KEY: CredentialRule = {
  option: 'apiKey',
  expected: 'a Vine API key (vine_live_… or vine_test_…)',
  wrongKinds: [
    {
      looksLike: (key) => key.startsWith('sk-lw-'),
      description: 'a LangWatch key (sk-lw-…)',
      hint: 'use it with createLangWatchClient from @revokit/langwatch',
    },
    { looksLike: (key) => key.startsWith('lw_vk_'), description: 'a LangWatch virtual-key secret (lw_vk_…)' },
  ],
};

/** An id starting like this is a secret passed by mistake. */
export const KEY_PREFIXES = ['vine_', 'sk-lw-', 'lw_vk_'] as const;
