// Test support: a client with both keys, answering from scripted replies.
import { scriptedFetch, type Reply } from '@revokit/runtime/testing/fake-fetch';
import { createLangWatchClient, type LangWatchClientOptions } from '../index.js';
import { ADMIN_KEY, BASE_URL, PROJECT_KEY } from './fixtures.js';

export function setup(replies: Reply[], options: LangWatchClientOptions = {}) {
  const fetch = scriptedFetch(...replies);
  const lw = createLangWatchClient({ apiKey: PROJECT_KEY, adminApiKey: ADMIN_KEY, baseUrl: BASE_URL, fetch, ...options });
  return { fetch, lw };
}
