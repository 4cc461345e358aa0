// createLangWatchMock(): the LangWatch core plus its MSW handlers, for consumer test suites.
import type { HttpHandler } from 'msw';
import { createLangWatchCore, type LangWatchCore, type LangWatchCoreOptions } from '../core/langwatch/create.js';
import { langWatchBaseUrls } from '../core/langwatch/routes.js';
import { createMswHandlers } from './handlers.js';

export interface LangWatchMockOptions extends LangWatchCoreOptions {
  /** Where the app API lives (default https://app.langwatch.ai). */
  baseUrl?: string;
  /** Where the gateway data plane lives (default https://gateway.langwatch.ai). */
  gatewayBaseUrl?: string;
}

/** The LangWatch mock with MSW handlers for `setupServer` / `setupWorker`. */
export interface LangWatchMock extends LangWatchCore {
  /** One handler per route; requests the mock does not own pass through to your other handlers. */
  readonly handlers: HttpHandler[];
}

export const DEFAULT_GATEWAY_BASE_URL = langWatchBaseUrls.gateway;

export function createLangWatchMock(options: LangWatchMockOptions = {}): LangWatchMock {
  const { baseUrl = langWatchBaseUrls.api, gatewayBaseUrl = langWatchBaseUrls.gateway, ...coreOptions } = options;
  const core = createLangWatchCore(coreOptions);
  return Object.assign(core, { handlers: createMswHandlers(core, { api: baseUrl, gateway: gatewayBaseUrl }) });
}
