// Starts what the contract suite talks to, once for all its files: the mock server (in this
// process, on a free port), `prism proxy --errors` in front of it for each spec, and
// `prism mock` for each spec. The six Prisms start in parallel: each takes seconds.
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { apis, type Api } from '../../scripts/apis.ts';
import { createMockServer, type MockServer } from '@revokit/mock/server';
import { startPrism, type PrismProcess } from './support/prism.js';

/** Each spec of the one list of APIs (scripts/apis.ts), by its id. */
export const SPECS = Object.fromEntries(apis.map((api) => [api.id, fileURLToPath(new URL(`../../${api.spec}`, import.meta.url))])) as Record<Api['id'], string>;

type Spec = Api['id'];

export interface ContractEnv {
  /** The mock server itself: control plane and data plane (neither is in a spec). */
  serverUrl: string;
  /** `prism proxy --errors` per spec, forwarding to the server. */
  proxy: Record<Spec, string>;
  /** `prism mock` per spec: the spec alone, no server behind. */
  specMock: Record<Spec, string>;
  graceMs: number;
  propagationMs: number;
  /** What the server created at start (the banner's credentials); a reset brings them back. */
  credentials: MockServer['credentials'];
}

declare module 'vitest' {
  export interface ProvidedContext {
    contract: ContractEnv;
  }
}

const GRACE_MS = 86_400_000;
const PROPAGATION_MS = 60_000;

export default async function setup(project: TestProject) {
  const server = createMockServer({ graceMs: GRACE_MS, propagationMs: PROPAGATION_MS, log: 'silent' });
  const serverUrl = await server.listen({ host: '127.0.0.1', port: 0 });
  const specs = Object.keys(SPECS) as Spec[];
  const started: PrismProcess[] = [];
  const start = async (spec: Spec, kind: 'proxy' | 'mock') => {
    const prism = await startPrism(SPECS[spec], kind === 'proxy' ? { kind, upstream: serverUrl } : { kind });
    started.push(prism);
    return [spec, prism.url] as const;
  };
  const teardown = async () => {
    await Promise.all(started.map((prism) => prism.stop()));
    await server.close();
  };
  try {
    const [proxies, mocks] = await Promise.all([
      Promise.all(specs.map((spec) => start(spec, 'proxy'))),
      Promise.all(specs.map((spec) => start(spec, 'mock'))),
    ]);
    project.provide('contract', {
      serverUrl,
      proxy: Object.fromEntries(proxies) as Record<Spec, string>,
      specMock: Object.fromEntries(mocks) as Record<Spec, string>,
      graceMs: GRACE_MS,
      propagationMs: PROPAGATION_MS,
      credentials: server.credentials,
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
