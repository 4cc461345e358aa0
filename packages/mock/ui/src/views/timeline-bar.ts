// One row's bar: bands and marks placed on the shared time domain, and the mock's now as a
// vertical line. Grace and propagation windows and every mark can be focused; hovering or
// focusing one shows its exact time in the row's readout.
import { h, setAttr, setStyle, setText, syncChildren } from '../dom.js';
import { exactTime } from '../format.js';
import { inDomain, percentOf, type Band, type Domain, type Gap, type Marker, type TimelineRow } from '../timeline-model.js';

type Item = { key: string; band: Band } | { key: string; marker: Marker } | { key: string; gap: Gap } | { key: 'now'; now: number };

const FOCUSABLE_BANDS = new Set<Band['kind']>(['grace', 'propagating']);

export function timelineBar(rowTitle: string) {
  const readout = h('p', { class: 'readout' });
  const bar = h('div', { class: 'bar', role: 'group', 'aria-label': `Timeline of ${rowTitle}` });
  const show = (event: Event) => {
    const label = (event.target as HTMLElement).closest<HTMLElement>('[data-label]')?.dataset.label;
    if (label !== undefined) setText(readout, label);
  };
  bar.addEventListener('pointerover', show);
  bar.addEventListener('focusin', show);

  const create = (item: Item): HTMLElement => {
    if ('now' in item) return h('span', { class: 'now-line', 'aria-hidden': 'true' });
    if ('gap' in item) return h('span', { class: 'gap', 'aria-hidden': 'true' });
    if ('band' in item) {
      const focusable = FOCUSABLE_BANDS.has(item.band.kind);
      return h('span', { class: `band band-${item.band.kind}`, tabindex: focusable ? 0 : null, role: focusable ? 'img' : null, 'aria-hidden': focusable ? null : 'true' });
    }
    return h('span', { class: `marker marker-${item.marker.kind}`, tabindex: 0, role: 'img' });
  };

  return {
    element: h('div', { class: 'bar-wrap' }, bar, readout),
    update(row: TimelineRow, domain: Domain, now: number) {
      setAttr(bar, 'aria-label', `Timeline of ${row.title}`);
      const items: Item[] = [
        ...row.bands.map((band) => ({ key: `band:${band.key}`, band })),
        ...row.markers.map((marker) => ({ key: `marker:${marker.key}`, marker })),
        ...(domain.gaps ?? []).map((gap, i) => ({ key: `gap:${i}`, gap })),
        { key: 'now' as const, now },
      ];
      syncChildren(bar, items, (item) => item.key, create, (element, item) => {
        if ('now' in item) {
          setStyle(element, 'left', `${percentOf(now, domain)}%`);
          return;
        }
        if ('gap' in item) {
          const from = percentOf(item.gap.from, domain);
          setStyle(element, 'left', `${from}%`);
          setStyle(element, 'width', `${percentOf(item.gap.to, domain) - from}%`);
          return;
        }
        if ('band' in item) {
          const { band } = item;
          const from = percentOf(band.from, domain);
          setStyle(element, 'left', `${from}%`);
          setStyle(element, 'width', `${Math.max(0, percentOf(band.to, domain) - from)}%`);
          setAttr(element, 'data-ended', String(band.ended));
          setAttr(element, 'data-from', exactTime(band.from));
          setAttr(element, 'data-to', exactTime(band.to));
          labelled(element, band.label);
          return;
        }
        const { marker } = item;
        element.hidden = !inDomain(marker.at, domain);
        setStyle(element, 'left', `${percentOf(marker.at, domain)}%`);
        setAttr(element, 'data-at', exactTime(marker.at));
        labelled(element, marker.label);
      });
    },
  };
}

function labelled(element: HTMLElement, label: string): void {
  setAttr(element, 'data-label', label);
  setAttr(element, 'title', label);
  if (element.hasAttribute('role')) setAttr(element, 'aria-label', label);
}
