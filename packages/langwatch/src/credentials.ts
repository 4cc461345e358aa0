// LangWatch key formats, as the specs' security schemes describe them:
// project key  sk-lw-…                   (no underscore after the prefix) → X-Auth-Token
// admin key    sk-lw-{lookupId}_{secret}                                   → Authorization: Bearer
// Virtual-key secrets (lw_vk_…) authenticate gateway traffic, never this API.
import type { CredentialRule, WrongKind } from '@revokit/runtime';

const PREFIX = 'sk-lw-';
const hasUnderscore = (key: string) => key.includes('_', PREFIX.length);
const lwKey = (key: string) => key.startsWith(PREFIX);

const vineKey: WrongKind = [(key) => key.startsWith('vine_'), 'a Vine API key (vine_…); use it with createVineClient'];
const virtualKeySecret: WrongKind = [(key) => key.startsWith('lw_vk_'), 'a LangWatch virtual-key secret (lw_vk_…)'];
const ADMIN_FORMAT = 'a LangWatch admin key (sk-lw-{id}_{secret})';
const PROJECT_FORMAT = 'a LangWatch project key (sk-lw-…, no underscore)';

export const PROJECT_KEY: CredentialRule = {
  option: 'apiKey',
  expected: PROJECT_FORMAT,
  wrongKinds: [vineKey, virtualKeySecret, [(key) => lwKey(key) && hasUnderscore(key), `${ADMIN_FORMAT}; pass it as adminApiKey`]],
};

export const ADMIN_KEY: CredentialRule = {
  option: 'adminApiKey',
  expected: ADMIN_FORMAT,
  wrongKinds: [vineKey, virtualKeySecret, [(key) => lwKey(key) && !hasUnderscore(key), `${PROJECT_FORMAT}; pass it as apiKey`]],
};

/**
 * Secrets start like this: project and admin keys, personal access tokens (pat-lw-…, still
 * accepted), virtual-key secrets as minted at our specs' commit (lw_vk_…) and since 2026-05
 * (vk-lw-…), Vine keys. An id starting like this is a secret passed by mistake; an error
 * text holding one is scrubbed.
 */
export const KEY_PREFIXES = [PREFIX, 'pat-lw-', 'lw_vk_', 'vk-lw-', 'vine_'] as const;

/** Answer fields that hold a minted secret: `secret` (virtual-key create and rotate), `token` (API-key create). */
export const SECRET_FIELDS = ['secret', 'token'] as const;

/** Every string to scrub from errors: the keys, and the admin key's secret half on its own. */
export function secretsOf(apiKey: string | undefined, adminApiKey: string | undefined): (string | undefined)[] {
  const adminSecret = adminApiKey?.slice(adminApiKey.indexOf('_') + 1);
  return [apiKey, adminApiKey, adminSecret && adminSecret.length >= 8 ? adminSecret : undefined];
}
