// The answers to the page's actions, newest first.
import { h, uid } from '../dom.js';
import { shortTime } from '../format.js';

const KEPT = 30;

export function resultsLog() {
  const headingId = uid('results');
  const list = h('ol', { class: 'results' });
  // Focusable: it scrolls, and a keyboard user must be able to scroll it.
  const log = h('div', { class: 'results-scroll', role: 'log', 'aria-live': 'polite', 'aria-labelledby': headingId, tabindex: 0 }, list);
  const empty = h('p', { class: 'empty' }, 'The answers to what you do here appear in this list, newest first.');
  const element = h('section', { class: 'panel results-panel', 'aria-labelledby': headingId }, h('h2', { id: headingId }, 'Results'), empty, log);
  return {
    element,
    report(text: string, ok: boolean) {
      const item = h('li', { class: ok ? 'ok' : 'bad' }, h('span', { class: 'when' }, shortTime(Date.now()).slice(11, 19)), ' ', text);
      empty.hidden = true;
      list.prepend(item);
      while (list.children.length > KEPT) list.lastElementChild!.remove();
    },
  };
}
