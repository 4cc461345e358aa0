// Vine keys: created without auth (the plaintext shown once), working on detect at once,
// soft-revoked idempotently, refused on detect after.
import { formatRules as rules } from '../format-rules.js';
import type { Step } from '../step.js';
import { asSent, bearer, field, id, learnt, VINE_KEYS, word } from './helpers.js';

const part = 'vine' as const;
const DETECT = { url: 'https://example.com/' };

export const vineSteps: readonly Step[] = [
  {
    id: 'vine.create',
    part,
    title: 'create a key',
    request: (c) => ({ method: 'POST', plane: 'vine', path: VINE_KEYS, body: { name: c.runName } }),
    creates: 'vine-key',
    facts: (a, c) => {
      const key = field(a, 'key');
      return {
        name: asSent(key.name, c.runName),
        environment: typeof key.plaintext === 'string' ? (/^vine_(live|test)_/.exec(key.plaintext)?.[1] ?? 'other') : 'absent',
        scopes: Array.isArray(key.scopes) && key.scopes.every((scope) => typeof word(scope) === 'string') ? key.scopes.join(' ') : word(key.scopes),
        revokedAt: word(key.revokedAt),
      };
    },
    capture(a, set) {
      const key = field(a, 'key');
      if (typeof key.id === 'string') set('vine.id', key.id);
      if (typeof key.plaintext === 'string') set('vine.plaintext', key.plaintext);
    },
    formats: { 'key.id': rules.vineKeyId, 'key.plaintext': rules.vinePlaintext, 'key.keyPrefix': rules.vineKeyPrefix, 'key.createdAt': rules.isoTime },
  },
  {
    id: 'vine.detect',
    part,
    title: 'detect with it',
    request: (c) => ({ method: 'POST', plane: 'vine', path: '/api/v1/detect', headers: bearer(c.value('vine.plaintext')), body: DETECT }),
    shape: 'top-level',
    facts: (a) => ({ schemaVersion: word((a.body as { schemaVersion?: unknown } | undefined)?.schemaVersion) }),
  },
  {
    id: 'vine.revoke',
    part,
    title: 'revoke it',
    request: (c) => ({ method: 'POST', plane: 'vine', path: `${VINE_KEYS}/${id(c, 'vine.id')}/revoke` }),
    revokes: { kind: 'vine-key', value: 'vine.id' },
    facts: (a) => ({ revokedAt: field(a, 'key').revokedAt === null ? null : typeof field(a, 'key').revokedAt }),
    capture(a, set) {
      const revokedAt = field(a, 'key').revokedAt;
      if (typeof revokedAt === 'string') set('vine.revokedAt', revokedAt);
    },
    formats: { 'key.id': rules.vineKeyId, 'key.keyPrefix': rules.vineKeyPrefix, 'key.revokedAt': rules.isoTime },
  },
  {
    id: 'vine.revoke-again',
    part,
    title: 'revoke it again (idempotent)',
    request: (c) => ({ method: 'POST', plane: 'vine', path: `${VINE_KEYS}/${id(c, 'vine.id')}/revoke` }),
    facts: (a, c) => {
      const revokedAt = field(a, 'key').revokedAt;
      return { revokedAt: revokedAt === undefined ? 'absent' : revokedAt === learnt(c, 'vine.revokedAt') ? 'unchanged' : 'moved' };
    },
  },
  {
    id: 'vine.detect-revoked',
    part,
    title: 'detect with the revoked key',
    request: (c) => ({ method: 'POST', plane: 'vine', path: '/api/v1/detect', headers: bearer(c.value('vine.plaintext')), body: DETECT }),
  },
  {
    id: 'vine.create-invalid',
    part,
    title: 'create with an unknown field',
    request: (c) => ({ method: 'POST', plane: 'vine', path: VINE_KEYS, body: { name: c.runName, frobnicate: true } }),
    creates: 'vine-key',
  },
];
