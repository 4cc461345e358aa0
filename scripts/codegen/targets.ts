// Which spec feeds which folder: derived from the one list of APIs (scripts/apis.ts).
import { apis, generatedDir } from '../apis.ts';

export interface CodegenTarget {
  /** Spec file, relative to the repo root. */
  spec: string;
  /** Output folder, relative to the repo root. */
  outDir: string;
}

export const targets: readonly CodegenTarget[] = apis.map((api) => ({ spec: api.spec, outDir: generatedDir(api) }));
