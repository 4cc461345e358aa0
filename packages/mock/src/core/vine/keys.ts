// POST /api/v1/keys/{id}/revoke: an idempotent soft revoke. The spec declares no auth.
import type { operations } from '@revokit/vine/generated/vine/types';
import type { OperationInput } from '../dispatcher.js';
import { isoTime } from '../iso-time.js';
import type { SpecResponse } from '../spec-response.js';
import { keyPrefixOf, type VineState } from './state.js';

export interface VineError {
  error: { code: string; message: string };
}

type RevokeResponse = SpecResponse<operations['postApiV1KeysByIdRevoke'], VineError>;

export const vineError = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } } });

export function revokeVineKey(state: VineState, input: OperationInput): RevokeResponse {
  const key = state.keys.get(input.params.id ?? '');
  if (!key) return { status: 404, body: vineError(404, 'not_found', 'API key not found').body };
  // Revoking again returns the key unchanged, revokedAt included.
  key.revokedAt ??= input.now;
  return {
    status: 200,
    body: { key: { id: key.id, name: key.name, keyPrefix: keyPrefixOf(key), revokedAt: isoTime(key.revokedAt) } },
  };
}
