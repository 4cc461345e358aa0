// JSON Schema (the subset our specs use) → zod/mini source. Anything outside the subset
// is an error, so a new construct in a spec cannot silently produce a weaker schema.
import { SpecError, isObject, type JsonObject } from './load-spec.ts';
import type { OperationModel } from './collect-operations.ts';
import { GENERATED_BANNER } from './banner.ts';

export function emitSchemas(file: string, spec: JsonObject, operations: OperationModel[]): string {
  const components = new Map<string, string>();
  const toZod = (schema: unknown, at: string): string => {
    if (!isObject(schema)) throw new SpecError(file, `schema at ${at} is not a mapping`);
    if (typeof schema.$ref === 'string') {
      const match = /^#\/components\/schemas\/([A-Za-z0-9_]+)$/.exec(schema.$ref);
      if (!match) throw new SpecError(file, `unsupported $ref "${schema.$ref}" at ${at}`);
      const name = match[1]!;
      if (!components.has(name)) {
        components.set(name, ''); // placeholder guards against cycles
        const target = (spec.components as JsonObject).schemas as JsonObject;
        components.set(name, toZod(target[name], `#/components/schemas/${name}`));
      } else if (components.get(name) === '') {
        throw new SpecError(file, `recursive schema "${name}" is not supported`);
      }
      return `${name}Schema`;
    }
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const nullable = types.includes('null');
    const rest = types.filter((type) => type !== 'null');
    if (rest.length !== 1) throw new SpecError(file, `schema at ${at} must have exactly one non-null type`);
    const base = scalarOrComposite(rest[0]!, schema, at);
    return nullable ? `z.nullable(${base})` : base;
  };

  const scalarOrComposite = (type: string, schema: JsonObject, at: string): string => {
    switch (type) {
      case 'string':
        if (Array.isArray(schema.enum)) return `z.enum(${JSON.stringify(schema.enum)})`;
        if (schema.format === 'date-time') return 'z.iso.datetime({ offset: true })';
        return 'z.string()';
      case 'boolean':
        return 'z.boolean()';
      case 'integer':
        return 'z.int()';
      case 'number':
        return 'z.number()';
      case 'array':
        return `z.array(${toZod(schema.items, `${at}/items`)})`;
      case 'object': {
        const properties = isObject(schema.properties) ? schema.properties : {};
        const required = new Set((schema.required as string[] | undefined) ?? []);
        for (const name of required) {
          if (!(name in properties)) throw new SpecError(file, `required property "${name}" at ${at} is not defined`);
        }
        const fields = Object.entries(properties).map(([name, property]) => {
          const inner = toZod(property, `${at}/properties/${name}`);
          return `${JSON.stringify(name)}: ${required.has(name) ? inner : `z.optional(${inner})`}`;
        });
        const factory = schema.additionalProperties === false ? 'z.strictObject' : 'z.object';
        return `${factory}({ ${fields.join(', ')} })`;
      }
      default:
        throw new SpecError(file, `unsupported schema type "${type}" at ${at}`);
    }
  };

  // Identical bodies (the gateway's four error envelopes) share one constant.
  const shared = new Map<string, string>();
  const entries = operations.map((operation) => {
    const statuses = [...operation.responses.entries()]
      .filter(([, schema]) => schema !== undefined)
      .map(([status, schema]) => {
        const source = toZod(schema, `${operation.method} ${operation.path} ${status}`);
        if (!shared.has(source)) shared.set(source, `body${shared.size}`);
        return `    ${status}: ${shared.get(source)},`;
      });
    return `  ${JSON.stringify(operation.operationId)}: {\n${statuses.join('\n')}\n  },`;
  });

  const lines = [GENERATED_BANNER(file), "import * as z from 'zod/mini';", ''];
  for (const [name, source] of components) lines.push(`export const ${name}Schema = ${source};`);
  for (const [source, name] of shared) lines.push(`const ${name} = ${source};`);
  lines.push(
    '',
    '/** Response body schemas by operation and status, for every JSON body the spec declares. */',
    `export const responseSchemas = {\n${entries.join('\n')}\n} as const;`,
    '',
  );
  return lines.join('\n');
}
