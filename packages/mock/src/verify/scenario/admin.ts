// LangWatch admin API keys: a service key is created, seen in the list, authenticates, is
// revoked (once: a second time is a conflict), leaves the list and stops authenticating.
import { formatRules as rules } from '../format-rules.js';
import type { Step } from '../step.js';
import { API_KEYS, asSent, bearer, CREATED_BY, field, id, inList, word } from './helpers.js';

const part = 'admin' as const;
const admin = bearer;

const listedFormats = {
  'data[@admin.id].id': rules.apiKeyRowId,
  'data[@admin.id].createdAt': rules.isoTime,
  'data[@admin.id].expiresAt': rules.isoTimeOrNull,
  'data[@admin.id].lastUsedAt': rules.isoTimeOrNull,
  'data[@admin.id].revokedAt': rules.isoTimeOrNull,
};

export const apiKeySteps: readonly Step[] = [
  {
    id: 'admin.create',
    part,
    title: 'create a service API key',
    request: (c) => ({ method: 'POST', plane: 'api', path: API_KEYS, headers: admin(c.credential('adminKey')), body: { name: c.runName, description: CREATED_BY, keyType: 'service' } }),
    creates: 'api-key',
    facts: (a, c) => ({ name: asSent(field(a, 'apiKey').name, c.runName) }),
    capture(a, set) {
      const key = field(a, 'apiKey');
      const token = (a.body as { token?: unknown } | undefined)?.token;
      if (typeof key.id === 'string') set('admin.id', key.id);
      if (typeof token === 'string') set('admin.token', token);
    },
    formats: { token: rules.apiKeyToken, 'apiKey.id': rules.apiKeyRowId, 'apiKey.createdAt': rules.isoTime },
  },
  {
    id: 'admin.list',
    part,
    title: 'list: it is there, first (newest first)',
    request: (c) => ({ method: 'GET', plane: 'api', path: API_KEYS, headers: admin(c.credential('adminKey')) }),
    shape: { list: 'data', item: 'admin.id' },
    facts: (a, c) => inList(a, 'data', c, 'admin.id'),
    formats: listedFormats,
  },
  {
    id: 'admin.authenticate',
    part,
    title: 'list with the new key itself',
    request: (c) => ({ method: 'GET', plane: 'api', path: API_KEYS, headers: admin(c.value('admin.token')) }),
    shape: { list: 'data', item: 'admin.id' },
    facts: (a, c) => inList(a, 'data', c, 'admin.id'),
  },
  {
    id: 'admin.revoke',
    part,
    title: 'revoke it',
    request: (c) => ({ method: 'DELETE', plane: 'api', path: `${API_KEYS}/${id(c, 'admin.id')}`, headers: admin(c.credential('adminKey')) }),
    revokes: { kind: 'api-key', value: 'admin.id' },
    facts: (a) => ({ success: word((a.body as { success?: unknown } | undefined)?.success) }),
  },
  {
    id: 'admin.revoke-again',
    part,
    title: 'revoke it again',
    request: (c) => ({ method: 'DELETE', plane: 'api', path: `${API_KEYS}/${id(c, 'admin.id')}`, headers: admin(c.credential('adminKey')) }),
  },
  {
    id: 'admin.list-revoked',
    part,
    title: 'list: the revoked key is gone',
    request: (c) => ({ method: 'GET', plane: 'api', path: API_KEYS, headers: admin(c.credential('adminKey')) }),
    shape: 'top-level',
    facts: (a, c) => ({ listed: inList(a, 'data', c, 'admin.id').listed! }),
  },
  {
    id: 'admin.revoked-key',
    part,
    title: 'list with the revoked key',
    request: (c) => ({ method: 'GET', plane: 'api', path: API_KEYS, headers: admin(c.value('admin.token')) }),
  },
  {
    id: 'admin.create-invalid',
    part,
    title: 'create with an invalid body (no name)',
    request: (c) => ({ method: 'POST', plane: 'api', path: API_KEYS, headers: admin(c.credential('adminKey')), body: { description: CREATED_BY, keyType: 'service' } }),
    creates: 'api-key',
  },
];
