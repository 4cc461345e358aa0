// Which spec feeds which package. The only place that knows the mapping.
export interface CodegenTarget {
  /** Spec file, relative to the repo root. */
  spec: string;
  /** Output folder, relative to the repo root. */
  outDir: string;
}

export const targets: readonly CodegenTarget[] = [
  { spec: 'specs/langwatch-gateway.yaml', outDir: 'packages/langwatch/src/generated/gateway' },
  { spec: 'specs/langwatch-api-keys.yaml', outDir: 'packages/langwatch/src/generated/api-keys' },
  { spec: 'specs/vine.yaml', outDir: 'packages/vine/src/generated/vine' },
];
