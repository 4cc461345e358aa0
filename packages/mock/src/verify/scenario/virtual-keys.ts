// LangWatch virtual keys, from creation to revocation, with the gateway between: the key's
// secret works at once, keeps working through a rotation (the old one for its grace), and stops
// once the revocation reaches the gateway, which the propagation step measures.
import { formatRules as rules } from '../format-rules.js';
import type { Step } from '../step.js';
import { asSent, bearer, CREATED_BY, field, id, inList, learnt, revisionStep, UPDATED_BY, VIRTUAL_KEYS, word } from './helpers.js';

const project = bearer;
const part = 'virtual-keys' as const;

/** The formats of a virtual key as the API shows it, at `at` in the body. */
const keyFormats = (at: string) => ({
  [`${at}.id`]: rules.virtualKeyId,
  [`${at}.display_prefix`]: rules.displayPrefix,
  [`${at}.created_at`]: rules.isoTime,
  [`${at}.last_used_at`]: rules.isoTimeOrNull,
  [`${at}.updated_at`]: rules.isoTime,
  [`${at}.revoked_at`]: rules.isoTimeOrNull,
});

const keyState = (key: Record<string, unknown>, context: Parameters<typeof revisionStep>[1]) => ({ status: word(key.status), revision: revisionStep(key.revision, context) });

/** A gateway call with this side's `secret`: the cheapest authenticated request there is. */
const gatewayCall = (stepId: string, title: string, secret: 'vk.secret' | 'vk.previousSecret', extra: Partial<Step> = {}): Step => ({
  id: stepId,
  part,
  title,
  request: (c) => ({ method: 'GET', plane: 'gateway', path: '/v1/models', headers: bearer(c.value(secret)) }),
  shape: 'top-level',
  ...extra,
});

export const virtualKeySteps: readonly Step[] = [
  {
    id: 'vk.create',
    part,
    title: 'create a virtual key',
    request: (c) => ({ method: 'POST', plane: 'api', path: VIRTUAL_KEYS, headers: project(c.credential('projectKey')), body: { name: c.runName, description: CREATED_BY, provider_credential_ids: [c.credential('providerCredentialId')] } }),
    creates: 'virtual-key',
    facts: (a, c) => {
      const key = field(a, 'virtual_key');
      return {
        status: word(key.status),
        revision: word(key.revision),
        environment: word(key.environment),
        name: asSent(key.name, c.runName),
        description: asSent(key.description, CREATED_BY),
        provider_credential_ids: asSent(key.provider_credential_ids, [c.credential('providerCredentialId')]),
        principal_user_id: word(key.principal_user_id),
      };
    },
    capture(a, set) {
      const key = field(a, 'virtual_key');
      const secret = (a.body as { secret?: unknown } | undefined)?.secret;
      if (typeof key.id === 'string') set('vk.id', key.id);
      if (typeof secret === 'string') set('vk.secret', secret);
      if (typeof key.revision === 'string') set('vk.createdRevision', key.revision);
    },
    formats: { ...keyFormats('virtual_key'), secret: rules.virtualKeySecret },
  },
  {
    id: 'vk.get',
    part,
    title: 'get it',
    request: (c) => ({ method: 'GET', plane: 'api', path: `${VIRTUAL_KEYS}/${id(c, 'vk.id')}`, headers: project(c.credential('projectKey')) }),
    facts: (a, c) => keyState(field(a, 'virtual_key'), c),
    formats: keyFormats('virtual_key'),
  },
  {
    id: 'vk.list',
    part,
    title: 'list: it is there, first (newest first)',
    request: (c) => ({ method: 'GET', plane: 'api', path: VIRTUAL_KEYS, headers: project(c.credential('projectKey')) }),
    shape: { list: 'data', item: 'vk.id' },
    facts: (a, c) => inList(a, 'data', c, 'vk.id'),
    formats: keyFormats('data[@vk.id]'),
  },
  {
    id: 'vk.update',
    part,
    title: 'update its description',
    request: (c) => ({ method: 'PATCH', plane: 'api', path: `${VIRTUAL_KEYS}/${id(c, 'vk.id')}`, headers: project(c.credential('projectKey')), body: { description: UPDATED_BY } }),
    facts: (a, c) => ({ ...keyState(field(a, 'virtual_key'), c), description: asSent(field(a, 'virtual_key').description, UPDATED_BY) }),
    formats: keyFormats('virtual_key'),
  },
  gatewayCall('gateway.call', 'gateway call with its secret (sending an X-Request-Id)', 'vk.secret', {
    request: (c) => ({ method: 'GET', plane: 'gateway', path: '/v1/models', headers: { ...bearer(c.value('vk.secret')), 'x-request-id': `${c.runName}-gateway-call` } }),
  }),
  {
    id: 'vk.rotate',
    part,
    title: 'rotate it',
    request: (c) => ({ method: 'POST', plane: 'api', path: `${VIRTUAL_KEYS}/${id(c, 'vk.id')}/rotate`, headers: project(c.credential('projectKey')) }),
    facts: (a, c) => {
      const secret = (a.body as { secret?: unknown } | undefined)?.secret;
      return { ...keyState(field(a, 'virtual_key'), c), secret: secret === undefined ? 'absent' : secret === learnt(c, 'vk.secret') ? 'unchanged' : 'new' };
    },
    capture(a, set, c) {
      const secret = (a.body as { secret?: unknown } | undefined)?.secret;
      const old = learnt(c, 'vk.secret');
      if (typeof secret !== 'string') return;
      if (old !== undefined) set('vk.previousSecret', old);
      set('vk.secret', secret);
    },
    formats: { ...keyFormats('virtual_key'), secret: rules.virtualKeySecret },
  },
  gatewayCall('gateway.new-secret', 'gateway call with the new secret', 'vk.secret'),
  gatewayCall('gateway.previous-secret', 'gateway call with the previous secret (grace window)', 'vk.previousSecret'),
  {
    id: 'vk.revoke',
    part,
    title: 'revoke it',
    request: (c) => ({ method: 'POST', plane: 'api', path: `${VIRTUAL_KEYS}/${id(c, 'vk.id')}/revoke`, headers: project(c.credential('projectKey')) }),
    revokes: { kind: 'virtual-key', value: 'vk.id' },
    facts: (a, c) => keyState(field(a, 'virtual_key'), c),
    capture(a, set) {
      const revision = field(a, 'virtual_key').revision;
      if (typeof revision === 'string') set('vk.revokedRevision', revision);
    },
    formats: keyFormats('virtual_key'),
  },
  gatewayCall('gateway.propagation', 'gateway calls with the secret until the first rejection (propagation)', 'vk.secret', { pollUntilRejected: { from: 'vk.revoke' } }),
  gatewayCall('gateway.revoked-secret', 'gateway call with the revoked key\'s secret', 'vk.secret'),
  gatewayCall('gateway.previous-after-revoke', 'gateway call with the previous secret after the revocation', 'vk.previousSecret'),
  {
    id: 'vk.get-revoked',
    part,
    title: 'get the revoked key',
    request: (c) => ({ method: 'GET', plane: 'api', path: `${VIRTUAL_KEYS}/${id(c, 'vk.id')}`, headers: project(c.credential('projectKey')) }),
    facts: (a, c) => keyState(field(a, 'virtual_key'), c),
    formats: keyFormats('virtual_key'),
  },
  {
    id: 'vk.list-revoked',
    part,
    title: 'list: the revoked key is still there',
    request: (c) => ({ method: 'GET', plane: 'api', path: VIRTUAL_KEYS, headers: project(c.credential('projectKey')) }),
    shape: { list: 'data', item: 'vk.id' },
    facts: (a, c) => inList(a, 'data', c, 'vk.id'),
  },
  {
    id: 'vk.rotate-revoked',
    part,
    title: 'rotate the revoked key',
    request: (c) => ({ method: 'POST', plane: 'api', path: `${VIRTUAL_KEYS}/${id(c, 'vk.id')}/rotate`, headers: project(c.credential('projectKey')) }),
  },
  {
    id: 'vk.update-revoked',
    part,
    title: 'update the revoked key',
    request: (c) => ({ method: 'PATCH', plane: 'api', path: `${VIRTUAL_KEYS}/${id(c, 'vk.id')}`, headers: project(c.credential('projectKey')), body: { description: UPDATED_BY } }),
  },
  {
    id: 'vk.revoke-again',
    part,
    title: 'revoke it again (idempotent)',
    request: (c) => ({ method: 'POST', plane: 'api', path: `${VIRTUAL_KEYS}/${id(c, 'vk.id')}/revoke`, headers: project(c.credential('projectKey')) }),
    facts: (a, c) => {
      const key = field(a, 'virtual_key');
      return { status: word(key.status), revision: key.revision === undefined ? 'absent' : key.revision === learnt(c, 'vk.revokedRevision') ? 'unchanged' : 'moved' };
    },
  },
  {
    id: 'vk.create-duplicate',
    part,
    title: 'create another key with the same name',
    request: (c) => ({ method: 'POST', plane: 'api', path: VIRTUAL_KEYS, headers: project(c.credential('projectKey')), body: { name: c.runName, description: CREATED_BY, provider_credential_ids: [c.credential('providerCredentialId')] } }),
    creates: 'virtual-key',
  },
  {
    id: 'vk.create-invalid',
    part,
    title: 'create with an invalid body (empty name, no provider credential)',
    request: (c) => ({ method: 'POST', plane: 'api', path: VIRTUAL_KEYS, headers: project(c.credential('projectKey')), body: { name: '', provider_credential_ids: [] } }),
    creates: 'virtual-key',
  },
];
