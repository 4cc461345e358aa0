// Reads one spec and rejects what codegen cannot trust, naming the file and the problem.
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';

export class SpecError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'SpecError';
  }
}

export type JsonObject = { [key: string]: unknown };

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export async function loadSpec(file: string): Promise<JsonObject> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SpecError(file, `cannot read file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  return parseSpec(file, text);
}

export function parseSpec(file: string, text: string): JsonObject {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new SpecError(file, `invalid YAML: ${first.message.split('\n')[0]}`);
  }
  const spec = doc.toJS() as unknown;
  if (!isObject(spec)) throw new SpecError(file, 'the document is not a mapping');
  if (typeof spec.openapi !== 'string' || !spec.openapi.startsWith('3.1')) {
    throw new SpecError(file, `expected "openapi: 3.1.x", found ${JSON.stringify(spec.openapi)}`);
  }
  if (!isObject(spec.paths)) throw new SpecError(file, 'missing "paths"');
  checkRefs(file, spec, spec, '#');
  return spec;
}

/** Resolves a local JSON pointer ("#/components/schemas/X"). */
export function resolvePointer(root: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

function checkRefs(file: string, root: JsonObject, node: unknown, at: string): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => checkRefs(file, root, item, `${at}/${index}`));
    return;
  }
  if (!isObject(node)) return;
  if (typeof node.$ref === 'string') {
    if (!node.$ref.startsWith('#/')) throw new SpecError(file, `external $ref "${node.$ref}" at ${at} is not supported`);
    if (resolvePointer(root, node.$ref) === undefined) {
      throw new SpecError(file, `broken $ref "${node.$ref}" at ${at}`);
    }
  }
  for (const [key, value] of Object.entries(node)) checkRefs(file, root, value, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
