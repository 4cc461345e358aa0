// What every panel is handed: the API client, a way to run an action (its answer goes to the
// results log, then the page refreshes) and the last view of the world.
import { describeReply, type Api, type Reply } from './api.js';
import type { WorldView } from './types.js';

export interface App {
  api: Api;
  /** Polls at once instead of waiting for the next tick. */
  refresh(): Promise<void>;
  /** Adds a line to the results log. */
  report(text: string, ok: boolean): void;
  /** Runs an action, reports "label → status …", refreshes; returns the answer (undefined when the server did not answer). */
  run(label: string, action: () => Promise<Reply>): Promise<Reply | undefined>;
  /** The last world read (undefined before the first successful poll). */
  view(): WorldView | undefined;
}

export interface Panel {
  element: HTMLElement;
  update(view: WorldView, now: number): void;
}

export function createRunner(api: Api, refresh: () => Promise<void>, report: App['report']): App['run'] {
  return async (label, action) => {
    try {
      const reply = await action();
      const ok = reply.status < 400;
      report(`${label} → ${ok ? String(reply.status) : describeReply(reply)}`, ok);
      await refresh();
      return reply;
    } catch (error) {
      report(`${label} → ${(error as Error).message}`, false);
      return undefined;
    }
  };
}
