// The Vine family: the keys API.
import { joinPath, readInput, rules } from '../core/inputs.js';
import { createVineCore, type VineCore } from '../core/vine/create.js';
import { vineBaseUrls } from '../core/vine/routes.js';
import { keyPrefixOf } from '../core/vine/state.js';
import type { CredentialsPart, Family } from './family.js';

export interface VineCredentials extends CredentialsPart {
  demo?: { vine_key: { id: string; plaintext: string } };
  seeded: { vine_keys: Array<{ id: string; name: string; plaintext: string }> };
}

/** Named, so that declaration files refer to it by name (and never through the root entry, whose types load msw). */
export type VineFamily = Family<'vine', VineCore, VineCredentials>;

export const vineFamily: VineFamily = {
  name: 'vine',
  baseUrls: vineBaseUrls,
  create: (clock, { journalSize, credentialScope }) => createVineCore({ clock, journalSize, credentialScope }),

  entities: {
    keys: {
      create: (mock, input, source) => ({ key: mock.seed.key(input, source) }),
      list: (mock) =>
        [...mock.snapshot().keys.values()].map((key) => ({
          id: key.id,
          name: key.name,
          keyPrefix: keyPrefixOf(key),
          plaintext: key.plaintext,
          createdAt: new Date(key.createdAt).toISOString(),
          revokedAt: key.revokedAt === null ? null : new Date(key.revokedAt).toISOString(),
        })),
    },
  },

  populate(mock, { demo, section, where }) {
    const credentials: VineCredentials = { seeded: { vine_keys: [] } };
    if (demo) {
      const key = mock.seed.key({ name: 'Demo key' });
      credentials.demo = { vine_key: { id: key.id, plaintext: key.plaintext } };
    }
    if (section !== undefined) {
      const { keys = [] } = readInput({ keys: rules.array }, section, where, 'camel');
      keys.forEach((entry, i) => {
        const key = mock.seed.key(entry, { where: joinPath(joinPath(where, 'keys'), i), naming: 'snake' });
        credentials.seeded.vine_keys.push({ id: key.id, name: key.name, plaintext: key.plaintext });
      });
    }
    return credentials;
  },

  help: 'the Vine API (create and revoke keys, detect)',
  banner: {
    routes: (url) => [`Vine API            ${url}/api/v1/keys[/{id}/revoke], ${url}/api/v1/detect`],
    credentials: ({ demo, seeded }) => [
      ...(demo ? [`Vine key                id ${demo.vine_key.id}  plaintext ${demo.vine_key.plaintext}`] : []),
      ...seeded.vine_keys.map((k) => `seed Vine key     id ${k.id}  plaintext ${k.plaintext}`),
    ],
    exports: ({ demo }) =>
      demo
        ? [
            ['VINE_KEY_ID', demo.vine_key.id],
            ['VINE_KEY', demo.vine_key.plaintext],
          ]
        : [],
  },
};
