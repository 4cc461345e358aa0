// createLangWatchMock(): the LangWatch core plus its MSW handlers, for consumer test suites.
import { servers } from '@revokit/langwatch/generated/gateway/operations';
import { createLangWatchCore, type LangWatchCoreOptions } from './core/langwatch/core.js';
import { createMswHandlers } from './msw.js';

export interface LangWatchMockOptions extends LangWatchCoreOptions {
  /** Where the app API lives (default https://app.langwatch.ai). */
  baseUrl?: string;
  /** Where the gateway data plane lives (default https://gateway.langwatch.ai). */
  gatewayBaseUrl?: string;
}

export const DEFAULT_GATEWAY_BASE_URL = 'https://gateway.langwatch.ai';

export function createLangWatchMock(options: LangWatchMockOptions = {}) {
  const { baseUrl = servers[0], gatewayBaseUrl = DEFAULT_GATEWAY_BASE_URL, ...coreOptions } = options;
  const core = createLangWatchCore(coreOptions);
  const handlers = createMswHandlers(
    core,
    core.routes.map((route) => ({ ...route, baseUrl: route.plane === 'gateway' ? gatewayBaseUrl : baseUrl })),
  );
  return Object.assign(core, { handlers });
}

export type LangWatchMock = ReturnType<typeof createLangWatchMock>;
