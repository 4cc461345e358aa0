import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { onUnhandled } from './unhandled.js';

describe('onUnhandled', () => {
  it('says the strategy under msw 2 and msw 3 names, error by default', () => {
    expect(onUnhandled()).toEqual({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' });
    expect(onUnhandled('bypass')).toEqual({ onUnhandledRequest: 'bypass', onUnhandledFrame: 'bypass' });
  });

  it('refuses a strategy neither msw knows, naming the ones it does', () => {
    expect(() => onUnhandled('ignore' as 'error')).toThrow('onUnhandled: "ignore" is not one of "error", "warn", "bypass"');
  });

  it('is what msw 2 takes: a request no handler owns fails', async () => {
    const server = setupServer();
    server.listen(onUnhandled('error'));
    try {
      await expect(fetch('http://127.0.0.1:9/nobody-mocks-this')).rejects.toThrow();
    } finally {
      server.close();
    }
  });
});
