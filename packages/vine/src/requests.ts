// Request bodies, from the generated types, as the methods accept them (BodyInput: optional
// fields also take undefined, arrays may be readonly).
import type { BodyInput } from '@revokit/runtime';
import type { components } from './generated/vine/types.js';

/** Body of POST /api/v1/keys: `name` required; `env` defaults to "test"; no other field is accepted. */
export type CreateKeyInput = BodyInput<components['schemas']['CreateKeyRequest']>;
