// createVineMock(): the Vine core plus its MSW handlers, for consumer test suites.
import type { HttpHandler } from 'msw';
import { createVineCore, type VineCore, type VineCoreOptions } from '../core/vine/create.js';
import { vineBaseUrls } from '../core/vine/routes.js';
import { createMswHandlers } from './handlers.js';

export interface VineMockOptions extends VineCoreOptions {
  /** Where the Vine API lives (default https://vine.getcourtyard.ai). */
  baseUrl?: string | undefined;
}

/** The Vine mock with MSW handlers for `setupServer` / `setupWorker`. */
export interface VineMock<Handler = HttpHandler> extends VineCore {
  /**
   * One handler per route; requests the mock does not own pass through to your other handlers.
   * (`Handler` is msw's `HttpHandler`, as your project resolves msw: see index.d.cts.)
   */
  readonly handlers: Handler[];
}

export function createVineMock(options: VineMockOptions = {}): VineMock {
  const { baseUrl = vineBaseUrls.api, ...coreOptions } = options;
  const core = createVineCore(coreOptions);
  return Object.assign(core, { handlers: createMswHandlers(core, { api: baseUrl }) });
}
