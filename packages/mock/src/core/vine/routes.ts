// Every route of the Vine mock: the spec's operations and one data-plane route, all under one base URL.
import { operations as vineApi, servers } from '@revokit/vine/generated/vine/operations';
import type { MockRoute } from '../stateful-mock.js';

/** Outside the spec: the data-plane route the mock adds so an app can watch its key stop working. */
export const vineDataPlaneOperations = {
  postApiV1Detect: { method: 'POST', path: '/api/v1/detect' },
} as const;

export type VineOperationId = keyof typeof vineApi | keyof typeof vineDataPlaneOperations;

/** Where the API lives in production: the mock's default base URL. */
export const vineBaseUrls: Readonly<Record<'api', string>> = { api: servers[0] };

export const vineRoutes: ReadonlyArray<MockRoute<VineOperationId>> = [
  ...Object.values(vineApi).map(({ operationId, method, path }) => ({ name: operationId, method, path, plane: 'api' })),
  ...Object.entries(vineDataPlaneOperations).map(([name, { method, path }]) => ({ name: name as VineOperationId, method, path, plane: 'api' })),
];
