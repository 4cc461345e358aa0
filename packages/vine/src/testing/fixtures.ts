// Test support (not built: the package tsconfig excludes src/testing): keys and bodies.
import type { RevokeKeyResponse } from '../responses.js';

export const VINE_KEY = 'vine_live_VineSecret0123456789abcdefghijklmnop';
export const BASE_URL = 'https://vine.test';

export const revokeBody: RevokeKeyResponse = {
  key: { id: 'key_1', name: 'ci', keyPrefix: 'vine_live_ab', revokedAt: '2025-01-01T00:00:00.000Z' },
};
