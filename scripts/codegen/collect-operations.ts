// Flattens a spec into the operation list every emitter works from.
import { HTTP_METHODS, SpecError, isObject, resolvePointer, type JsonObject } from './load-spec.ts';
import { deriveOperationId } from './operation-id.ts';

export interface OperationModel {
  operationId: string;
  method: string;
  path: string;
  /** Status → JSON body schema (undefined when the spec declares no body). */
  responses: Map<number, unknown>;
}

export function collectOperations(file: string, spec: JsonObject): OperationModel[] {
  const paths = spec.paths as JsonObject;
  const seen = new Set<string>();
  const operations: OperationModel[] = [];
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (!isObject(item)) throw new SpecError(file, `path item "${path}" is not a mapping`);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      if (!isObject(operation)) throw new SpecError(file, `${method.toUpperCase()} ${path} is not a mapping`);
      const given = operation.operationId;
      if (given !== undefined && typeof given !== 'string') throw new SpecError(file, `${method.toUpperCase()} ${path}: operationId must be a string`);
      const operationId = given ?? deriveOperationId(method, path);
      if (seen.has(operationId)) throw new SpecError(file, `duplicate operationId "${operationId}"`);
      seen.add(operationId);
      checkPathParams(file, path, operation);
      operations.push({ operationId, method: method.toUpperCase(), path, responses: responsesOf(file, spec, path, operation) });
    }
  }
  return operations;
}

/** Every "{name}" of the path template is declared as a path parameter. */
function checkPathParams(file: string, path: string, operation: JsonObject): void {
  const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  const declared = ((operation.parameters as unknown[]) ?? [])
    .filter((parameter): parameter is JsonObject => isObject(parameter) && parameter.in === 'path')
    .map((parameter) => String(parameter.name));
  for (const name of inTemplate) {
    if (!declared.includes(name)) throw new SpecError(file, `path parameter "{${name}}" of ${path} is not declared`);
  }
}

function responsesOf(file: string, spec: JsonObject, path: string, operation: JsonObject): Map<number, unknown> {
  const responses = new Map<number, unknown>();
  if (!isObject(operation.responses)) throw new SpecError(file, `${path}: operation has no responses`);
  for (const [code, raw] of Object.entries(operation.responses)) {
    const status = Number(code);
    if (!Number.isInteger(status) || status < 100 || status > 599) throw new SpecError(file, `${path}: response "${code}" is not a status code`);
    const response = isObject(raw) && typeof raw.$ref === 'string' ? resolvePointer(spec, raw.$ref) : raw;
    if (!isObject(response)) throw new SpecError(file, `${path}: response ${code} is not a mapping`);
    const content = isObject(response.content) ? response.content : undefined;
    const json = content && isObject(content['application/json']) ? content['application/json'] : undefined;
    responses.set(status, json?.schema);
  }
  return responses;
}
