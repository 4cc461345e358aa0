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
    // A `default` says what the server fills in when a field is left out: the field stays optional
    // (openapi-typescript's default would make every defaulted field of a component required).
    const ast = await openapiTS(named as never, { silent: true, defaultNonNullable: false });
    return `${GENERATED_BANNER(file)}\n\n${astToString(ast)}`;
  } catch (error) {
    throw new SpecError(file, `openapi-typescript failed: ${(error as Error).message}`);
  }
}
