// LangWatch key formats, as the specs' security schemes describe them:
// project key  sk-lw-…                   (no underscore after the prefix) → X-Auth-Token
// admin key    sk-lw-{lookupId}_{secret}                                   → Authorization: Bearer
// Virtual-key secrets (lw_vk_…) authenticate gateway traffic, never this API.
import type { CredentialRule, WrongKind } from '@revokit/runtime';

const PREFIX = 'sk-lw-';
const isAdminShaped = (key: string) => key.startsWith(PREFIX) && key.includes('_', PREFIX.length);
const isProjectShaped = (key: string) => key.startsWith(PREFIX) && !key.includes('_', PREFIX.length);

const vineKey: WrongKind = {
  looksLike: (key) => key.startsWith('vine_'),
  description: 'a Vine API key (vine_…)',
  hint: 'use it with createVineClient from @revokit/vine',
};
const virtualKeySecret: WrongKind = {
  looksLike: (key) => key.startsWith('lw_vk_'),
  description: 'a LangWatch virtual-key secret (lw_vk_…), which authenticates gateway traffic, not this API',
};

export const PROJECT_KEY: CredentialRule = {
  option: 'apiKey',
  expected: 'a LangWatch project key (sk-lw-…, no underscore after the prefix)',
  wrongKinds: [vineKey, virtualKeySecret, { looksLike: isAdminShaped, description: 'a LangWatch admin key (sk-lw-{id}_{secret})', hint: 'pass it as adminApiKey' }],
};

export const ADMIN_KEY: CredentialRule = {
  option: 'adminApiKey',
  expected: 'a LangWatch admin key (sk-lw-{id}_{secret})',
  wrongKinds: [vineKey, virtualKeySecret, { looksLike: isProjectShaped, description: 'a LangWatch project key (sk-lw-…, no underscore)', hint: 'pass it as apiKey' }],
};

/** An id starting like this is a secret passed by mistake. */
export const KEY_PREFIXES = [PREFIX, 'lw_vk_', 'vine_'] as const;

/** Every string to scrub from errors: the keys, and the admin key's secret half on its own. */
export function secretsOf(apiKey: string | undefined, adminApiKey: string | undefined): string[] {
  const adminSecret = adminApiKey?.slice(adminApiKey.indexOf('_') + 1);
  return [apiKey, adminApiKey, adminSecret && adminSecret.length >= 8 ? adminSecret : undefined].filter((value): value is string => !!value);
}
