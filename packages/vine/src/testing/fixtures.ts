// Test support (not built: the package tsconfig excludes src/testing): keys and bodies.
import type { CreateKeyResponse, RevokeKeyResponse } from '../responses.js';

export const VINE_KEY = 'vine_live_VineSecret0123456789abcdefghijklmnop';
export const BASE_URL = 'https://vine.test';

export const revokeBody: RevokeKeyResponse = {
  key: { id: 'key_1', name: 'ci', keyPrefix: 'vine_live_ab', revokedAt: '2025-01-01T00:00:00.000Z' },
};

/** A minted key: the plaintext is in the answer once. Its length is not documented (research/lifecycle.md §8). */
export const PLAINTEXT = 'vine_test_Ab3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF';
export const createBody: CreateKeyResponse = {
  key: {
    id: 'clz0123456789abcdefghijkl',
    name: 'my-first-key',
    keyPrefix: PLAINTEXT.slice(0, 12),
    plaintext: PLAINTEXT,
    scopes: ['detect', 'extract', 'extractions:read'],
    rateTier: 'internal',
    createdAt: '2026-06-25T18:00:00.000Z',
  },
};
