// The operation table: what routers, clients and mock behaviours are keyed by.
import type { JsonObject } from './load-spec.ts';
import type { OperationModel } from './collect-operations.ts';
import { GENERATED_BANNER } from './banner.ts';

export function emitOperations(file: string, spec: JsonObject, operations: OperationModel[]): string {
  const servers = ((spec.servers as JsonObject[] | undefined) ?? []).map((server) => String(server.url));
  const table = Object.fromEntries(
    operations.map((operation) => [
      operation.operationId,
      {
        operationId: operation.operationId,
        method: operation.method,
        path: operation.path,
        statuses: [...operation.responses.keys()].sort((a, b) => a - b),
      },
    ]),
  );
  return [
    GENERATED_BANNER(file),
    '',
    `export const servers = ${JSON.stringify(servers)} as const;`,
    '',
    `export const operations = ${JSON.stringify(table, null, 2)} as const;`,
    '',
    'export type OperationId = keyof typeof operations;',
    '',
  ].join('\n');
}
