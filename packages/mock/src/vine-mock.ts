// createVineMock(): the Vine core plus its MSW handlers, for consumer test suites.
import { servers } from '@revokit/vine/generated/vine/operations';
import { createVineCore, type VineCoreOptions } from './core/vine/core.js';
import { createMswHandlers } from './msw.js';

export interface VineMockOptions extends VineCoreOptions {
  /** Where the Vine API lives (default https://vine.getcourtyard.ai). */
  baseUrl?: string;
}

export function createVineMock(options: VineMockOptions = {}) {
  const { baseUrl = servers[0], ...coreOptions } = options;
  const core = createVineCore(coreOptions);
  return Object.assign(core, { handlers: createMswHandlers(core, core.routes.map((route) => ({ ...route, baseUrl }))) });
}

export type VineMock = ReturnType<typeof createVineMock>;
