// What the mocks saw (GET /__mock/requests: credentials already redacted by the server), newest
// first, filtered by family and operation.
import type { Panel } from '../app.js';
import { h, setText, syncOptions, uid } from '../dom.js';
import type { JournalEntry, WorldView } from '../types.js';
import { field, labelled } from './forms.js';

const SHOWN = 200;

export function journalPanel(): Panel {
  const family = labelled('Family', h('select'));
  const operation = labelled('Operation', h('select'));
  const count = h('p', { class: 'count', role: 'status' });
  const body = h('tbody');
  const headingId = uid('journal');
  let last: WorldView | undefined;
  const rerender = () => last && panel.update(last, 0);
  family.input.addEventListener('change', rerender);
  operation.input.addEventListener('change', rerender);

  const element = h(
    'section',
    { class: 'panel journal', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, 'Journal'),
    h('div', { class: 'filters' }, field(family), field(operation), count),
    h(
      'div',
      { class: 'table-scroll', role: 'region', 'aria-label': 'Journal entries', tabindex: 0 },
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, ...['At (mock time)', 'Family', 'Method', 'Path', 'Operation', 'Status'].map((name) => h('th', { scope: 'col' }, name)))),
        body,
      ),
    ),
  );

  const panel: Panel = {
    element,
    update(view) {
      last = view;
      const families = Object.keys(view.journal);
      syncOptions(family.input, [{ value: '', label: 'all' }, ...families.map((name) => ({ value: name, label: name }))]);
      const ops = view.operations.filter((op) => family.input.value === '' || op.family === family.input.value);
      syncOptions(operation.input, [{ value: '', label: 'all' }, ...ops.map((op) => ({ value: op.operation_id, label: op.operation_id }))]);
      // Newest first. Each family keeps its own journal, so entries of one instant (a frozen
      // clock) are ordered within a family but not across families: those are shown family by family.
      const rows: Array<JournalEntry & { family: string; rank: number; seq: number }> = families
        .filter((name) => family.input.value === '' || name === family.input.value)
        .flatMap((name, rank) => view.journal[name]!.map((entry, seq) => ({ ...entry, family: name, rank, seq })))
        .filter((entry) => operation.input.value === '' || entry.operation_id === operation.input.value)
        .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.rank - b.rank || b.seq - a.seq);
      const total = families.reduce((sum, name) => sum + view.journal[name]!.length, 0);
      setText(count, `${rows.length} of ${total} requests${rows.length > SHOWN ? `, newest ${SHOWN} shown` : ''}`);
      const shown = rows.slice(0, SHOWN);
      // Rows hold nothing focusable, so they are rebuilt whenever the journal changes.
      const signature = JSON.stringify(shown.map(({ seq: _seq, rank: _rank, ...entry }) => entry));
      if (body.dataset.signature === signature) return;
      body.dataset.signature = signature;
      body.replaceChildren(
        ...shown.map((entry) =>
          h(
            'tr',
            { 'data-status': entry.status },
            h('td', {}, h('time', { datetime: entry.at }, entry.at)),
            h('td', {}, entry.family),
            h('td', {}, entry.method),
            h('td', { class: 'url' }, entry.url),
            h('td', {}, entry.operation_id ?? ''),
            h('td', { class: entry.status >= 400 || entry.status === 0 ? 'status bad' : 'status' }, entry.status === 0 ? '0 (dropped)' : String(entry.status)),
          ),
        ),
      );
    },
  };
  return panel;
}
