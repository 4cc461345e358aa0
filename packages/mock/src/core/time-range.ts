// The instants the mocks can name. The control plane keeps the clock within the years 0000 to 9999
// (so that every time prints as ISO 8601); a Date holds ±8.64e15 ms. A duration added to the clock
// (grace, propagation) must end within that range, or every answer that shows its end fails.

/** 9999-12-31T23:59:59.999Z. */
export const LATEST_CLOCK_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** The largest time value of ECMAScript's Date. */
const MAX_DATE_MS = 8.64e15;
/** The longest duration whose end, from any instant the clock can show, is still a date: about 266,000 years. */
export const MAX_DURATION_MS = MAX_DATE_MS - LATEST_CLOCK_MS;
