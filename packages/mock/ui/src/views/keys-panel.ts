// The timeline: one row per virtual key, admin API key and Vine key on one shared time axis.
import type { App, Panel } from '../app.js';
import { h, setText, setStyle, syncChildren, uid } from '../dom.js';
import { formatDuration, shortTime } from '../format.js';
import { adminKeyRow, domainOf, percentOf, vineKeyRow, virtualKeyRow, type Zoom } from '../timeline-model.js';
import type { WorldView } from '../types.js';
import { labelled, select } from './forms.js';
import { keyRow, type RowData } from './key-row.js';

const ZOOMS: ReadonlyArray<[Zoom, string]> = [
  ['fit', 'every event'],
  ['all', 'all, to scale'],
  [300_000, 'the last 5 min'],
  [3_600_000, 'the last hour'],
  [90_000_000, 'the last 25 h'],
];

const LEGEND: ReadonlyArray<[cls: string, text: string]> = [
  ['band band-alive', 'accepted'],
  ['band band-grace', 'rotated-out secret still accepted (grace)'],
  ['band band-propagating', 'revoked, gateway still accepts (propagation)'],
  ['band band-dead', 'rejected'],
  ['marker marker-created', 'created'],
  ['marker marker-rotated', 'rotated'],
  ['marker marker-revoked', 'revoked'],
  ['marker marker-propagated', 'gateway learns of the revocation'],
  ['now-line', 'the mock’s now'],
];

interface Group {
  title: string;
  rows(view: WorldView, now: number): RowData[];
}

const GROUPS: Group[] = [
  { title: 'LangWatch virtual keys', rows: (view, now) => view.virtualKeys.map((listing) => ({ kind: 'virtual-key', listing, model: virtualKeyRow(listing, now) })) },
  { title: 'LangWatch admin API keys', rows: (view, now) => view.apiKeys.map((listing) => ({ kind: 'admin-key', listing, model: adminKeyRow(listing, now) })) },
  { title: 'Vine keys', rows: (view, now) => view.vineKeys.map((listing) => ({ kind: 'vine-key', listing, model: vineKeyRow(listing, now) })) },
];

type RowHandle = ReturnType<typeof keyRow>;

export function keysPanel(app: App): Panel {
  const zoom = labelled('Show', select(ZOOMS.map(([value, label]) => [String(value), label])));
  const axisFrom = h('span', { class: 'axis-from' });
  const axisNow = h('span', { class: 'axis-now' });
  const axisTo = h('span', { class: 'axis-to' });
  const axisMark = h('span', { class: 'axis-mark', 'aria-hidden': 'true' });
  const axisGaps = h('div', { class: 'axis-gaps' });
  const handles = new WeakMap<Element, RowHandle>();
  const lists = GROUPS.map(() => h('ul', { class: 'rows' }));
  const empties = GROUPS.map(() => h('p', { class: 'empty', hidden: true }, 'None in this world.'));
  const headingId = uid('keys');
  let last: { view: WorldView; now: number } | undefined;
  zoom.input.addEventListener('change', () => last && panel.update(last.view, last.now));

  const element = h(
    'section',
    { class: 'panel keys', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, 'Keys'),
    h(
      'div',
      { class: 'timeline-tools' },
      h('ul', { class: 'legend', 'aria-label': 'Legend' }, ...LEGEND.map(([cls, text]) => h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), text))),
      h('p', { class: 'hint' }, 'Hover over or focus a mark or window for its exact time.'),
      h('div', { class: 'zoom' }, zoom.label, zoom.input),
    ),
    h('div', { class: 'axis' }, axisGaps, h('div', { class: 'axis-track', 'aria-hidden': 'true' }, axisMark), h('div', { class: 'axis-labels' }, axisFrom, axisNow, axisTo)),
    ...GROUPS.flatMap((group, i) => [h('h3', {}, group.title), lists[i]!, empties[i]!]),
  );

  const panel: Panel = {
    element,
    update(view, now) {
      last = { view, now };
      const groups = GROUPS.map((group) => group.rows(view, now));
      const chosen = zoom.input.value === 'all' || zoom.input.value === 'fit' ? zoom.input.value : (Number(zoom.input.value) as Zoom);
      const domain = domainOf(groups.flat().map((row) => row.model), now, chosen);
      setText(axisFrom, shortTime(domain.from));
      setText(axisNow, `now ${shortTime(now)}`);
      setText(axisTo, shortTime(domain.to));
      setStyle(axisMark, 'left', `${percentOf(now, domain)}%`);
      // A shortened stretch says how long it really was, where it is.
      const gaps = (domain.gaps ?? []).map((gap, i) => ({ key: `gap-${i}`, gap }));
      syncChildren(
        axisGaps,
        gaps,
        (item) => item.key,
        () => h('span', { class: 'axis-gap' }),
        (element, { gap }) => {
          setStyle(element, 'left', `${(percentOf(gap.from, domain) + percentOf(gap.to, domain)) / 2}%`);
          setText(element, `≈ ${formatDuration(Math.round((gap.to - gap.from) / 60_000) * 60_000)}`);
          element.title = `${formatDuration(gap.to - gap.from)} with nothing happening, drawn shorter (Show: all, to scale)`;
        },
      );
      groups.forEach((rows, i) => {
        empties[i]!.hidden = rows.length > 0;
        syncChildren(
          lists[i]!,
          rows,
          (row) => row.model.key,
          (row) => {
            const handle = keyRow(app, row);
            handles.set(handle.element, handle);
            return handle.element;
          },
          (element, row) => handles.get(element)!.update(row, domain, now),
        );
      });
    },
  };
  return panel;
}
