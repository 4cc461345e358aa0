// Test support: a client with a key, answering from scripted replies.
import { scriptedFetch, type Reply } from '@revokit/runtime/testing/fake-fetch';
import { createVineClient, type VineClientOptions } from '../index.js';
import { BASE_URL, VINE_KEY } from './fixtures.js';

export function setup(replies: Reply[], options: VineClientOptions = {}) {
  const fetch = scriptedFetch(...replies);
  const vine = createVineClient({ apiKey: VINE_KEY, baseUrl: BASE_URL, fetch, ...options });
  return { fetch, vine };
}
