// openapi-typescript types. Derived operationIds are injected first so that
// `operations["<id>"]` exists for every operation, named or not.
import openapiTS, { astToString } from 'openapi-typescript';
import { SpecError, type JsonObject } from './load-spec.ts';
import type { OperationModel } from './collect-operations.ts';
import { GENERATED_BANNER } from './banner.ts';

export async function emitTypes(file: string, spec: JsonObject, operations: OperationModel[]): Promise<string> {
  const named = structuredClone(spec);
  for (const operation of operations) {
    const item = (named.paths as JsonObject)[operation.path] as JsonObject;
    (item[operation.method.toLowerCase()] as JsonObject).operationId = operation.operationId;
  }
  try {
    const ast = await openapiTS(named as never, { silent: true });
    return `${GENERATED_BANNER(file)}\n\n${astToString(ast)}`;
  } catch (error) {
    throw new SpecError(file, `openapi-typescript failed: ${(error as Error).message}`);
  }
}
