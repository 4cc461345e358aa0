// Test support (not built: the package tsconfig excludes src/testing): keys and bodies.
import type { RevokeVirtualKeyResponse, RotateVirtualKeyResponse } from '../responses.js';

export const PROJECT_KEY = 'sk-lw-ProjectKey0123456789abcdefghijklmnopqrstuvwxyzABCD';
export const ADMIN_LOOKUP_ID = 'AbCdEfGh12345678';
export const ADMIN_SECRET = 'AdminSecret0123456789abcdefghijklmnopqrstuvwxyzAB';
export const ADMIN_KEY = `sk-lw-${ADMIN_LOOKUP_ID}_${ADMIN_SECRET}`;
export const BASE_URL = 'https://langwatch.test';

export const virtualKey: RevokeVirtualKeyResponse['virtual_key'] = {
  id: 'vk_1',
  display_prefix: 'lw_vk_live_ab12',
  name: 'ci key',
  description: null,
  environment: 'live',
  status: 'revoked',
  principal_user_id: null,
  provider_credential_ids: ['pc_1'],
  revision: '2',
  last_used_at: null,
  created_at: '2025-01-01T00:00:00.000Z',
};

export const revokeBody: RevokeVirtualKeyResponse = { virtual_key: virtualKey };
export const rotateBody: RotateVirtualKeyResponse = {
  virtual_key: { ...virtualKey, status: 'active', revision: '3' },
  secret: 'lw_vk_live_FreshlyMintedSecret0123456789',
};
