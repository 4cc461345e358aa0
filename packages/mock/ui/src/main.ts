// The dashboard of revokit-mock, served at /__mock/ui. Reads the world through the control plane
// about once a second (only while the tab is visible), and acts through the same routes a client
// would call. Standard web APIs only.
import { adoptUrlConnection, createApi } from './api.js';
import { createRunner, type App, type Panel } from './app.js';
import { h } from './dom.js';
import { pollSessions, pollWorld } from './poll.js';
import type { WorldView } from './types.js';
import { clockPanel } from './views/clock-panel.js';
import { createPanel } from './views/create-panel.js';
import { faultsPanel } from './views/faults-panel.js';
import { journalPanel } from './views/journal-panel.js';
import { keysPanel } from './views/keys-panel.js';
import { resultsLog } from './views/results-log.js';
import { sessionBar } from './views/session-bar.js';

const POLL_MS = 1000;

adoptUrlConnection(window.location, window.history, window.sessionStorage);
const api = createApi(window.sessionStorage);
let view: WorldView | undefined;
/**
 * When the chosen session was created, once seen alive: if it disappears from the list, or comes
 * back with another creation time (a request of ours raced its deletion and made a new world), it
 * has ended.
 */
let sessionCreated: string | undefined;

const results = resultsLog();
let refresh: () => Promise<void> = async () => {};
const app: App = {
  api,
  refresh: () => refresh(),
  report: results.report,
  run: createRunner(api, () => refresh(), results.report),
  view: () => view,
};

const sessions = sessionBar(app, () => {
  sessionCreated = undefined;
  view = undefined;
  void refresh();
});
// In reading order, which is also the order on screen at every width.
const panels: Panel[] = [clockPanel(app), keysPanel(app), createPanel(app), faultsPanel(app), journalPanel()];
const [clock, keys, create, faults, journal] = panels.map((panel) => panel.element);

const main = h('main', { id: 'main', class: 'layout', 'aria-busy': 'true' }, clock!, results.element, keys!, create!, faults!, journal!);
document.body.append(
  h('a', { class: 'skip', href: '#main' }, 'Skip to the dashboard'),
  h('header', { class: 'top' }, h('h1', {}, 'revokit-mock ', h('span', { class: 'subtitle' }, 'dashboard')), sessions.element),
  main,
);

// One read at a time. A refresh asked for while one runs gets a read that starts after it, so an
// action's own refresh always sees the action's effect; asks made meanwhile share that read.
let queued: Promise<void> | undefined;
let latest: Promise<void> = Promise.resolve();
refresh = () => {
  if (queued) return queued;
  const next = latest.then(() => {
    queued = undefined;
    return tick().catch((error: unknown) => sessions.status(`The page failed: ${(error as Error).message}`, 'other'));
  });
  queued = next;
  latest = next;
  return next;
};

async function tick(): Promise<void> {
  const list = await pollSessions(api);
  sessions.update(list);
  const chosen = api.connection.session;
  if (chosen !== null && list !== undefined) {
    const created = list.find((session) => session.id === chosen)?.created;
    if (sessionCreated === undefined) sessionCreated = created;
    else if (created !== sessionCreated) {
      // Reading it again would create a fresh world under the same id: say so instead.
      sessions.status(`Session ${chosen} has ended (idle too long, or deleted). Pick another world.`, 'other');
      main.setAttribute('aria-busy', 'false');
      return;
    }
  }
  const result = await pollWorld(api);
  if (result.kind === 'ok') {
    view = result.view;
    const now = Date.parse(view.clock.now);
    for (const panel of panels) panel.update(view, now);
    sessions.status(`Connected to ${window.location.host}, ${chosen === null ? 'default world' : `session ${chosen}`}.`, null);
    main.setAttribute('aria-busy', 'false');
    return;
  }
  if (result.kind === 'refused' && result.status === 401) {
    sessions.status(api.connection.token ? 'The control token was refused: enter the right one.' : 'This server needs its control token.', 'token');
  } else if (result.kind === 'refused') {
    sessions.status(`The server refused: ${result.message || result.error || result.status}`, 'other');
  } else {
    sessions.status(`Disconnected: ${result.message}. Retrying…`, 'other');
  }
}

function loop(): void {
  const next = () => setTimeout(loop, POLL_MS);
  if (document.hidden) return void next();
  void refresh().finally(next);
}
loop();
document.addEventListener('visibilitychange', () => {
  if (!document.hidden) void refresh();
});
