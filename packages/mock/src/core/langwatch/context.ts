// What every LangWatch behaviour is handed: the live state and the timing settings.
import type { SecretTracker } from '../secrets.js';
import type { LangWatchState } from './state.js';

export interface LangWatchTiming {
  /** How long a rotated-out secret keeps working. */
  graceMs: number;
  /** How long the data plane takes to see a revocation. */
  propagationMs: number;
}

export interface LangWatchContext extends LangWatchTiming {
  /** Stable object; reset() swaps its maps, never the object itself. */
  state: LangWatchState;
  /** Told of every credential minted or rotated out, for redaction. */
  secrets: SecretTracker;
}
