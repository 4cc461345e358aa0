// Injecting a fault into the next request(s) of an operation, and what is still queued.
import type { App, Panel } from '../app.js';
import { h, setText, syncOptions, uid } from '../dom.js';
import { field, fieldError, labelled, select } from './forms.js';

const EFFECTS: ReadonlyArray<[string, string]> = [
  ['status', 'answer with an error status'],
  ['network_error', 'drop the connection (not run)'],
  ['drop_response', 'run it, then drop the answer'],
  ['delay', 'only delay the answer'],
];

export function faultsPanel(app: App): Panel {
  const operation = labelled('Operation', h('select'));
  const effect = labelled('Effect', select(EFFECTS));
  const status = labelled('Status', h('input', { type: 'number', min: 400, max: 599, value: 503, inputmode: 'numeric' }));
  const delay = labelled('Delay (ms)', h('input', { type: 'number', min: 0, max: 600000, value: 0, inputmode: 'numeric' }));
  const times = labelled('Times', h('input', { type: 'number', min: 1, max: 1000, value: 1, inputmode: 'numeric' }));
  const retryAfter = labelled('Retry-After header (optional)', h('input', { type: 'text', autocomplete: 'off', maxlength: 20 }));
  const error = fieldError(operation.input);
  const pending = h('ul', { class: 'pending' });
  const none = h('p', { class: 'empty' }, 'No fault queued.');

  const form = h('form', { class: 'fault-form', 'aria-label': 'Inject a fault' }, field(operation), field(effect), field(status), field(delay), field(times), field(retryAfter), error.element, h('button', { type: 'submit' }, 'Inject fault'));
  const syncStatus = () => (status.input.disabled = effect.input.value !== 'status');
  effect.input.addEventListener('change', syncStatus);
  syncStatus();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (operation.input.value === '') return error.show('choose an operation');
    error.show(null);
    const body: Record<string, unknown> = { operation_id: operation.input.value, times: Number(times.input.value) };
    if (effect.input.value === 'status') body.status = Number(status.input.value);
    if (effect.input.value === 'network_error') body.network_error = true;
    if (effect.input.value === 'drop_response') body.drop_response = true;
    if (Number(delay.input.value) > 0) body.delay_ms = Number(delay.input.value);
    if (retryAfter.input.value.trim() !== '') body.headers = { 'retry-after': retryAfter.input.value.trim() };
    void app.run(`Inject a fault into ${operation.input.value}`, () => app.api.control('POST', '/__mock/faults', body));
  });
  const clear = h('button', { type: 'button', onclick: () => void app.run('Clear the faults', () => app.api.control('DELETE', '/__mock/faults')) }, 'Clear faults');

  const headingId = uid('faults');
  const element = h('section', { class: 'panel faults', 'aria-labelledby': headingId }, h('h2', { id: headingId }, 'Faults'), form, h('h3', {}, 'Queued'), pending, none, clear);

  return {
    element,
    update(view) {
      syncOptions(operation.input, view.operations.map((op) => ({ value: op.operation_id, label: `${op.family}: ${op.method} ${op.path} (${op.operation_id})` })));
      const lines = view.faults.map((fault) => {
        const { operation_id: id, times: count, ...rest } = fault;
        return `${id} × ${count}: ${JSON.stringify(rest)}`;
      });
      none.hidden = lines.length > 0;
      const signature = JSON.stringify(lines);
      if (pending.dataset.signature !== signature) {
        pending.replaceChildren(...lines.map((line) => h('li', {}, line)));
        pending.dataset.signature = signature;
      }
      setText(clear, lines.length > 0 ? `Clear faults (${lines.length})` : 'Clear faults');
    },
  };
}
