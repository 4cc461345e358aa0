// One spec → its generated files, in memory. Writing and checking are the caller's business.
import { join } from 'node:path';
import { loadSpec } from './load-spec.ts';
import { collectOperations } from './collect-operations.ts';
import { emitTypes } from './emit-types.ts';
import { emitSchemas } from './emit-schemas.ts';
import { emitOperations } from './emit-operations.ts';
import type { CodegenTarget } from './targets.ts';

/** Generated file path (relative to root) → content. */
export type GeneratedFiles = Map<string, string>;

export async function generateTarget(root: string, target: CodegenTarget): Promise<GeneratedFiles> {
  const spec = await loadSpec(join(root, target.spec));
  // Messages name the spec as the repo knows it, not by absolute path.
  const operations = collectOperations(target.spec, spec);
  return new Map([
    [join(target.outDir, 'types.ts'), await emitTypes(target.spec, spec, operations)],
    [join(target.outDir, 'schemas.ts'), emitSchemas(target.spec, spec, operations)],
    [join(target.outDir, 'operations.ts'), emitOperations(target.spec, spec, operations)],
  ]);
}
