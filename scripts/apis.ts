// The APIs this repository describes: one row per spec. Codegen, the size script, the contract
// suite and the spec-conformance support read this list; nothing else names the specs.
export interface Api {
  /** Short name, also the key of the contract suite's proxies. */
  id: 'virtualKeys' | 'apiKeys' | 'vine';
  /** Spec file, relative to the repository root. */
  spec: string;
  /** The client package whose src/generated/ holds this spec's code. */
  package: 'langwatch' | 'vine';
  /** Folder under packages/<package>/src/generated/. */
  generated: string;
}

export const apis: readonly Api[] = [
  { id: 'virtualKeys', spec: 'specs/langwatch-virtual-keys.yaml', package: 'langwatch', generated: 'virtual-keys' },
  { id: 'apiKeys', spec: 'specs/langwatch-api-keys.yaml', package: 'langwatch', generated: 'api-keys' },
  { id: 'vine', spec: 'specs/vine.yaml', package: 'vine', generated: 'vine' },
];

/** packages/<package>/src/generated/<folder>, relative to the root. */
export const generatedDir = (api: Api): string => `packages/${api.package}/src/generated/${api.generated}`;

/** The client packages, each once, in list order. */
export const clientPackages = [...new Set(apis.map((api) => api.package))];
