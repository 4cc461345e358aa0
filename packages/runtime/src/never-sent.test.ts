import { describe, expect, it } from 'vitest';
import { causeChain } from './cause-chain.js';
import { provesNeverSent } from './never-sent.js';
import { browserFetchFailed, fetchFailed } from './testing/fake-fetch.js';

describe('provesNeverSent', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'])('%s proves the request never left', (code) => {
    expect(provesNeverSent(fetchFailed(code))).toBe(true);
  });

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'ETIMEDOUT'])('%s does not', (code) => {
    expect(provesNeverSent(fetchFailed(code))).toBe(false);
  });

  it('a browser failure carries no proof', () => {
    expect(provesNeverSent(browserFetchFailed())).toBe(false);
    expect(provesNeverSent('failed')).toBe(false);
    expect(provesNeverSent(undefined)).toBe(false);
  });
});

describe('causeChain', () => {
  it('stops on cycles', () => {
    const a: { cause?: unknown } = {};
    a.cause = a;
    expect(causeChain(a)).toHaveLength(5);
  });
});
