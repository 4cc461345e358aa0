// What each kind of key row can do, through the API routes a client would call, with the
// credentials a client would send.
import type { App } from '../app.js';
import { describeReply } from '../api.js';
import type { ApiKeyListing, VineKeyListing, VirtualKeyListing } from '../types.js';

const enc = encodeURIComponent;

export function virtualKeyActions(app: App, listing: () => VirtualKeyListing) {
  const projectKey = () => app.view()?.projects.find((project) => project.id === listing().project_id)?.api_key;
  const call = (verb: 'rotate' | 'revoke') => {
    const { id } = listing().virtual_key;
    const token = projectKey();
    return app.run(`${verb === 'rotate' ? 'Rotate' : 'Revoke'} ${id}`, () =>
      app.api.service('POST', `/api/gateway/v1/virtual-keys/${enc(id)}/${verb}`, token === undefined ? {} : { 'X-Auth-Token': token }),
    );
  };
  return {
    rotate: () => call('rotate'),
    revoke: () => call('revoke'),
    /** GET /v1/models with a secret, as an app holding it would; resolves with what the gateway said. */
    async tryAtGateway(which: 'current' | 'old'): Promise<string> {
      const key = listing();
      const secret = which === 'current' ? key.secret : key.previous_secret?.secret;
      if (secret === undefined) return 'no old secret to try';
      const reply = await app.run(`Gateway GET /v1/models with the ${which} secret of ${key.virtual_key.id}`, () =>
        app.api.service('GET', '/v1/models', { authorization: `Bearer ${secret}` }),
      );
      if (!reply) return 'no answer';
      return reply.status === 200 ? `${which} secret: 200 accepted` : `${which} secret: ${describeReply(reply)}`;
    },
  };
}

/** DELETE /api/api-keys/{id} with `Authorization: Bearer <the acting key's token>`. */
export function adminRevoke(app: App, target: ApiKeyListing, acting: ApiKeyListing | undefined) {
  const label = `Revoke admin key ${target.id}${acting ? ` as ${acting.id} (${acting.role})` : ''}`;
  return app.run(label, () => app.api.service('DELETE', `/api/api-keys/${enc(target.id)}`, acting ? { authorization: `Bearer ${acting.token}` } : {}));
}

export function vineRevoke(app: App, key: VineKeyListing) {
  return app.run(`Revoke Vine key ${key.id}`, () => app.api.service('POST', `/api/v1/keys/${enc(key.id)}/revoke`));
}
