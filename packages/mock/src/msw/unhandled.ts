// `server.listen(onUnhandled('error'))`: what to do with a request no handler owns, said so that
// msw 2 and msw 3 both obey it. msw 3 renamed listen()'s `onUnhandledRequest` to
// `onUnhandledFrame` and ignores the old name at run time, so a suite spelled for one major lets
// unmocked requests through to the network on the other. This value carries both names: each
// major reads its own and ignores the other, and its type is assignable to either's options.
export type UnhandledStrategy = 'error' | 'warn' | 'bypass';

export interface UnhandledOptions<Strategy extends UnhandledStrategy = UnhandledStrategy> {
  /** msw 2's name. */
  readonly onUnhandledRequest: Strategy;
  /** msw 3's name. */
  readonly onUnhandledFrame: Strategy;
}

const STRATEGIES: readonly string[] = ['error', 'warn', 'bypass'] satisfies UnhandledStrategy[];

/**
 * Options for `server.listen()` / `worker.start()` on msw 2 and 3. `'error'` (the default) makes
 * a request that no handler owns fail instead of reaching the network. Spread it to add other
 * options: `worker.start({ ...onUnhandled('error'), quiet: true })`.
 */
export function onUnhandled<Strategy extends UnhandledStrategy = 'error'>(strategy: Strategy = 'error' as Strategy): UnhandledOptions<Strategy> {
  if (!STRATEGIES.includes(strategy)) throw new TypeError(`onUnhandled: ${JSON.stringify(String(strategy))} is not one of "error", "warn", "bypass"`);
  return { onUnhandledRequest: strategy, onUnhandledFrame: strategy };
}
