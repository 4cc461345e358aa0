// Test support (not built: the package tsconfig excludes src/testing): keys and bodies.
import type {
  ApiKeyInfo,
  CreateApiKeyResponse,
  CreateVirtualKeyResponse,
  GetVirtualKeyResponse,
  ListApiKeysResponse,
  ListVirtualKeysResponse,
  RevokeVirtualKeyResponse,
  RotateVirtualKeyResponse,
  UpdateVirtualKeyResponse,
} from '../responses.js';

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

// Minted secrets in the real formats: lw_vk_{env}_ + ULID; sk-lw-{16}_{48}.
export const MINTED_SECRET = 'lw_vk_live_01JZ8Q4TS6M2C9X7R5BNWPHKDE';
export const MINTED_TOKEN = 'sk-lw-Zq3LmN8pR2sT6vW0_Tk9Xy4Bc7Df1Gh5Jk8Lm2Np6Qr0St3Uv7Wx1Yz4Ab8Cd2Ef6';

export const createdKey: CreateVirtualKeyResponse = {
  virtual_key: { ...virtualKey, id: 'vk_new', name: 'checkout', status: 'active', revision: '1', display_prefix: MINTED_SECRET.slice(0, 18) },
  secret: MINTED_SECRET,
};
export const listBody: ListVirtualKeysResponse = { data: [createdKey.virtual_key, virtualKey] };
export const getBody: GetVirtualKeyResponse = { virtual_key: virtualKey };
export const updateBody: UpdateVirtualKeyResponse = { virtual_key: { ...virtualKey, name: 'renamed', revision: '3' } };

export const apiKeyInfo: ApiKeyInfo = {
  id: 'ak_row_0123456789abcde',
  name: 'ci',
  description: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  roleBindings: [{ id: 'rb_1', role: 'ADMIN', scopeType: 'ORGANIZATION', scopeId: 'org_1' }],
};
export const apiKeysBody: ListApiKeysResponse = { data: [apiKeyInfo] };
export const createdApiKey: CreateApiKeyResponse = {
  token: MINTED_TOKEN,
  apiKey: { id: 'ak_row_new', name: 'deploy bot', createdAt: '2025-01-02T00:00:00.000Z' },
};
