// The mock clock: now, offset, frozen or running; advance, set, freeze; reset the world.
import type { App, Panel } from '../app.js';
import { h, setText, uid } from '../dom.js';
import { exactTime, formatDuration, parseDuration } from '../format.js';
import { fieldError, labelled } from './forms.js';

const STEPS: ReadonlyArray<[label: string, ms: number]> = [
  ['+1 min', 60_000],
  ['+1 h', 3_600_000],
  ['+24 h', 86_400_000],
];

export function clockPanel(app: App): Panel {
  const now = h('output', { class: 'clock-now', 'aria-live': 'off' });
  const offset = h('output', { class: 'clock-offset' });
  const mode = h('output', { class: 'clock-mode' });
  const advance = (ms: number) => app.run(`Advance the clock by ${formatDuration(ms)}`, () => app.api.control('POST', '/__mock/clock', { advance_ms: ms }));

  const custom = labelled('Advance by', h('input', { type: 'text', inputmode: 'text', autocomplete: 'off', placeholder: 'e.g. 90s, 1h 30m, 500ms', maxlength: 40, spellcheck: 'false' }));
  const customError = fieldError(custom.input);
  const advanceForm = h('form', { class: 'inline-form', 'aria-label': 'Advance the clock by a custom duration' }, custom.label, custom.input, h('button', { type: 'submit' }, 'Advance'), customError.element);
  advanceForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const ms = parseDuration(custom.input.value);
    if (typeof ms !== 'number') return customError.show(ms.error);
    customError.show(null);
    void advance(ms);
  });

  const setTo = labelled('Set to (ISO 8601)', h('input', { type: 'text', autocomplete: 'off', placeholder: '2030-01-01T00:00:00.000Z', maxlength: 40, spellcheck: 'false' }));
  const setError = fieldError(setTo.input);
  const setForm = h('form', { class: 'inline-form', 'aria-label': 'Set the clock' }, setTo.label, setTo.input, h('button', { type: 'submit' }, 'Set'), setError.element);
  setForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = setTo.input.value.trim();
    if (!Number.isFinite(Date.parse(value))) return setError.show('enter an ISO 8601 date-time, e.g. 2030-01-01T00:00:00Z');
    setError.show(null);
    void app.run(`Set the clock to ${value}`, () => app.api.control('POST', '/__mock/clock', { now: value }));
  });

  const freeze = h('button', { type: 'button', 'aria-pressed': 'false' }, 'Freeze');
  freeze.addEventListener('click', () => {
    const frozen = app.view()?.clock.frozen ?? false;
    void app.run(frozen ? 'Let the clock run' : 'Freeze the clock', () => app.api.control('POST', '/__mock/clock', { frozen: !frozen }));
  });
  const reset = h('button', { type: 'button', class: 'danger' }, 'Reset world');
  reset.addEventListener('click', () => void app.run('Reset the world', () => app.api.control('POST', '/__mock/reset')));

  const headingId = uid('clock');
  const element = h(
    'section',
    { class: 'panel clock', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, 'Clock'),
    h('dl', { class: 'facts-grid' }, h('dt', {}, 'Now'), h('dd', {}, now), h('dt', {}, 'Offset'), h('dd', {}, offset), h('dt', {}, 'Time'), h('dd', {}, mode)),
    h('div', { class: 'button-row', role: 'group', 'aria-label': 'Advance the clock' }, ...STEPS.map(([label, ms]) => h('button', { type: 'button', onclick: () => void advance(ms) }, label))),
    advanceForm,
    setForm,
    h('div', { class: 'button-row' }, freeze, reset),
  );

  return {
    element,
    update(view, nowMs) {
      setText(now, exactTime(nowMs));
      setText(offset, `${formatDuration(view.clock.offset_ms)} (${view.clock.offset_ms} ms)`);
      setText(mode, view.clock.frozen ? 'frozen: moves only when told to' : 'running');
      setText(freeze, view.clock.frozen ? 'Let time run' : 'Freeze');
      freeze.setAttribute('aria-pressed', String(view.clock.frozen));
    },
  };
}
