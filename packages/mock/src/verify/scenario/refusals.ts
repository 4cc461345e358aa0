// What every route refuses: a missing credential, a wrong one, an id that does not exist. Each
// request names only keys this run created (or ids nobody has), so even a target that wrongly
// accepted one would touch nothing else.
import type { Method, Part, Step, StepContext } from '../step.js';
import { API_KEYS, bearer, CREATED_BY, id, MADE_UP, VIRTUAL_KEYS, VINE_KEYS } from './helpers.js';

interface Route {
  name: string;
  method: Method;
  path(context: StepContext): string;
  body?(context: StepContext): unknown;
  creates?: Step['creates'];
}

const refusedCreate = (c: StepContext) => ({ name: `${c.runName}-refused`, description: CREATED_BY, provider_credential_ids: [c.credential('providerCredentialId')] });

const virtualKeyRoutes: Route[] = [
  { name: 'list', method: 'GET', path: () => VIRTUAL_KEYS },
  { name: 'create', method: 'POST', path: () => VIRTUAL_KEYS, body: refusedCreate, creates: 'virtual-key' },
  { name: 'get', method: 'GET', path: (c) => `${VIRTUAL_KEYS}/${id(c, 'vk.id')}` },
  { name: 'update', method: 'PATCH', path: (c) => `${VIRTUAL_KEYS}/${id(c, 'vk.id')}`, body: () => ({ description: CREATED_BY }) },
  { name: 'rotate', method: 'POST', path: (c) => `${VIRTUAL_KEYS}/${id(c, 'vk.id')}/rotate` },
  { name: 'revoke', method: 'POST', path: (c) => `${VIRTUAL_KEYS}/${id(c, 'vk.id')}/revoke` },
];

const apiKeyRoutes: Route[] = [
  { name: 'list', method: 'GET', path: () => API_KEYS },
  { name: 'create', method: 'POST', path: () => API_KEYS, body: (c) => ({ name: `${c.runName}-refused`, description: CREATED_BY, keyType: 'service' }), creates: 'api-key' },
  { name: 'revoke', method: 'DELETE', path: (c) => `${API_KEYS}/${id(c, 'admin.id')}` },
];

/** For each route of the part: no credential, then one that is nobody's. */
function credentialSteps(part: 'virtual-keys' | 'admin', prefix: string, routes: readonly Route[], wrong: string): Step[] {
  return routes.flatMap((route) =>
    (['missing', 'wrong'] as const).map(
      (kind): Step => ({
        id: `${prefix}.${route.name}-${kind}-credential`,
        part,
        title: `${route.name} with ${kind === 'missing' ? 'no credential' : 'a wrong credential'}`,
        request: (c) => ({
          method: route.method,
          plane: 'api',
          path: route.path(c),
          headers: kind === 'missing' ? {} : bearer(wrong),
          ...(route.body ? { body: route.body(c) } : {}),
        }),
        ...(route.creates ? { creates: route.creates } : {}),
      }),
    ),
  );
}

export const virtualKeyRefusals: readonly Step[] = [
  ...(['get', 'update', 'rotate', 'revoke'] as const).map(
    (name): Step => ({
      id: `vk.${name}-unknown`,
      part: 'virtual-keys',
      title: `${name} an id no key has`,
      request: (c) => ({
        method: name === 'get' ? 'GET' : name === 'update' ? 'PATCH' : 'POST',
        plane: 'api',
        path: `${VIRTUAL_KEYS}/${MADE_UP.virtualKeyId}${name === 'rotate' || name === 'revoke' ? `/${name}` : ''}`,
        headers: bearer(c.credential('projectKey')),
        ...(name === 'update' ? { body: { description: CREATED_BY } } : {}),
      }),
    }),
  ),
  ...credentialSteps('virtual-keys', 'vk', virtualKeyRoutes, MADE_UP.projectKey),
  {
    id: 'gateway.missing-key',
    part: 'virtual-keys',
    title: 'gateway call with no key',
    request: () => ({ method: 'GET', plane: 'gateway', path: '/v1/models' }),
  },
  {
    id: 'gateway.unknown-key',
    part: 'virtual-keys',
    title: 'gateway call with a secret no key has',
    request: () => ({ method: 'GET', plane: 'gateway', path: '/v1/models', headers: bearer(MADE_UP.virtualKeySecret) }),
  },
];

export const apiKeyRefusals: readonly Step[] = [
  {
    id: 'admin.revoke-unknown',
    part: 'admin',
    title: 'revoke an id no API key has',
    request: (c) => ({ method: 'DELETE', plane: 'api', path: `${API_KEYS}/${MADE_UP.apiKeyId}`, headers: bearer(c.credential('adminKey')) }),
  },
  ...credentialSteps('admin', 'admin', apiKeyRoutes, MADE_UP.adminKey),
];

export const vineRefusals: readonly Step[] = [
  {
    id: 'vine.revoke-unknown',
    part: 'vine',
    title: 'revoke an id no key has',
    request: () => ({ method: 'POST', plane: 'vine', path: `${VINE_KEYS}/${MADE_UP.vineKeyId}/revoke` }),
  },
  {
    id: 'vine.detect-missing-key',
    part: 'vine',
    title: 'detect with no key',
    request: () => ({ method: 'POST', plane: 'vine', path: '/api/v1/detect', body: { url: 'https://example.com/' } }),
  },
  {
    id: 'vine.detect-unknown-key',
    part: 'vine',
    title: 'detect with a key nobody has',
    request: () => ({ method: 'POST', plane: 'vine', path: '/api/v1/detect', headers: bearer(MADE_UP.vineKey), body: { url: 'https://example.com/' } }),
  },
];
