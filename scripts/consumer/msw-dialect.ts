// The one line our suites write differently for msw 3 (README, "Installing"): listen()'s
// `onUnhandledRequest` became `onUnhandledFrame`. At run time msw 3 ignores the old name, so a
// suite left as it was would let unmocked requests go on to the network.
export function forMswMajor(source: string, major: number): string {
  return major >= 3 ? source.replaceAll('onUnhandledRequest:', 'onUnhandledFrame:') : source;
}
