// createLangWatchMock(): the LangWatch core plus its MSW handlers, for consumer test suites.
import type { HttpHandler } from 'msw';
import { createLangWatchCore, type LangWatchCore, type LangWatchCoreOptions } from '../core/langwatch/create.js';
import { langWatchBaseUrls } from '../core/langwatch/routes.js';
import { createMswHandlers } from './handlers.js';

export interface LangWatchMockOptions extends LangWatchCoreOptions {
  /** Where the app API lives (default https://app.langwatch.ai). */
  baseUrl?: string | undefined;
  /** Where the gateway data plane lives (default https://gateway.langwatch.ai). */
  gatewayBaseUrl?: string | undefined;
}

/** The LangWatch mock with MSW handlers for `setupServer` / `setupWorker`. */
export interface LangWatchMock<Handler = HttpHandler> extends LangWatchCore {
  /**
   * One handler per route; requests the mock does not own pass through to your other handlers.
   * (`Handler` is msw's `HttpHandler`, as your project resolves msw: see index.d.cts.)
   */
  readonly handlers: Handler[];
}

export const DEFAULT_GATEWAY_BASE_URL = langWatchBaseUrls.gateway;

export function createLangWatchMock(options: LangWatchMockOptions = {}): LangWatchMock {
  const { baseUrl = langWatchBaseUrls.api, gatewayBaseUrl = langWatchBaseUrls.gateway, ...coreOptions } = options;
  const core = createLangWatchCore(coreOptions);
  return Object.assign(core, { handlers: createMswHandlers(core, { api: baseUrl, gateway: gatewayBaseUrl }) });
}
