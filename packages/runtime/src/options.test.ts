import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, checkMaxRetries, checkTimeout, resolveTransportOptions, type ClientInfo } from './options.js';

const client = (defaultBaseUrl: string): ClientInfo => ({ api: 'test', defaultBaseUrl, validators: 'testValidators' });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('resolveTransportOptions', () => {
  it('applies the defaults', () => {
    const resolved = resolveTransportOptions({}, client('https://api.example.test'));
    expect(resolved).toMatchObject({ baseUrl: 'https://api.example.test', timeoutMs: DEFAULT_TIMEOUT_MS, maxRetries: DEFAULT_MAX_RETRIES, validate: undefined });
    expect(DEFAULT_TIMEOUT_MS).toBe(60_000);
    expect(DEFAULT_MAX_RETRIES).toBe(2);
  });

  it('keeps a path prefix and drops trailing slashes', () => {
    expect(resolveTransportOptions({ baseUrl: 'http://localhost:4010/langwatch//' }, client('https://x.test')).baseUrl).toBe('http://localhost:4010/langwatch');
  });

  it.each(['not a url', 'ftp://x.test', 'https://user:pass@x.test', 'https://x.test/?q=1', 'https://x.test/#f', ''])('rejects baseUrl %j without quoting it', (baseUrl) => {
    expect(() => resolveTransportOptions({ baseUrl }, client('https://x.test'))).toThrow(TypeError);
    try {
      resolveTransportOptions({ baseUrl }, client('https://x.test'));
    } catch (error) {
      if (baseUrl.length > 0) expect((error as Error).message).not.toContain(baseUrl);
    }
  });

  it('looks the global fetch up at call time, so a later stub applies', async () => {
    const resolved = resolveTransportOptions({}, client('https://x.test'));
    const stub = vi.fn(async () => new Response('ok'));
    vi.stubGlobal('fetch', stub);
    await resolved.fetch(new Request('https://x.test/'));
    expect(stub).toHaveBeenCalledTimes(1);
  });

  it('uses a given fetch', async () => {
    const custom = vi.fn(async () => new Response('ok'));
    await resolveTransportOptions({ fetch: custom }, client('https://x.test')).fetch(new Request('https://x.test/'));
    expect(custom).toHaveBeenCalledTimes(1);
  });
});

describe('number options', () => {
  it('validate timeoutMs', () => {
    expect(checkTimeout(undefined, 5)).toBe(5);
    expect(checkTimeout(1, 5)).toBe(1);
    expect(checkTimeout(2_147_483_647, 5)).toBe(2_147_483_647);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2_147_483_648, '100']) expect(() => checkTimeout(bad, 5)).toThrow(RangeError);
  });

  it('validate maxRetries', () => {
    expect(checkMaxRetries(undefined, 2)).toBe(2);
    expect(checkMaxRetries(0, 2)).toBe(0);
    for (const bad of [-1, 1.5, Number.NaN, '1']) expect(() => checkMaxRetries(bad, 2)).toThrow(RangeError);
  });
});
