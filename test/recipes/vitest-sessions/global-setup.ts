// Recipe: one revokit-mock for the whole run, started in vitest's globalSetup.
import type { TestProject } from 'vitest/node';
import { startMockServer } from '@revokit/mock/server';

export default async function setup(project: TestProject) {
  const { url, stop } = await startMockServer({ port: 0, requireSession: true });
  project.provide('mockUrl', url);
  return stop;
}

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}
