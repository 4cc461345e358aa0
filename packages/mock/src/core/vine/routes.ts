// Every route of the Vine mock: the spec's operations, all under one base URL.
import { operations as vineApi, servers } from '@revokit/vine/generated/vine/operations';
import type { MockRoute } from '../stateful-mock.js';

export type VineOperationId = keyof typeof vineApi;

/** Where the API lives in production: the mock's default base URL. */
export const vineBaseUrls: Readonly<Record<'api', string>> = { api: servers[0] };

export const vineRoutes: ReadonlyArray<MockRoute<VineOperationId>> = Object.values(vineApi).map(({ operationId, method, path }) => ({
  name: operationId,
  method,
  path,
  plane: 'api',
}));
