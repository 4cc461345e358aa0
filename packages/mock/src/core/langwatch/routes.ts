// Every route of the LangWatch mock: the two specs' operations on the app API, and the gateway
// data plane, which no spec describes and which lives under its own base URL.
import { operations as virtualKeyApi, servers } from '@revokit/langwatch/generated/virtual-keys/operations';
import { operations as apiKeysApi } from '@revokit/langwatch/generated/api-keys/operations';
import type { MockRoute } from '../stateful-mock.js';
import { gatewayOperations, type GatewayOperationId } from './gateway/operations.js';

export type LangWatchOperationId = keyof typeof virtualKeyApi | keyof typeof apiKeysApi | GatewayOperationId;

/** Which base URL a route lives under: the app API, or the gateway data plane. */
export type LangWatchPlane = 'api' | 'gateway';

/** Where each plane lives in production: the mocks' default base URLs. */
export const langWatchBaseUrls: Readonly<Record<LangWatchPlane, string>> = {
  api: servers[0],
  gateway: 'https://gateway.langwatch.ai',
};

export const langWatchRoutes: ReadonlyArray<MockRoute<LangWatchOperationId> & { plane: LangWatchPlane }> = [
  ...[...Object.values(virtualKeyApi), ...Object.values(apiKeysApi)].map(({ operationId, method, path }) => ({ name: operationId, method, path, plane: 'api' as const })),
  ...Object.entries(gatewayOperations).map(([name, { method, path }]) => ({ name: name as GatewayOperationId, method, path, plane: 'gateway' as const })),
];
