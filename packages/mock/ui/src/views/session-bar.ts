// Which world the page acts on: the default one or a session (X-Revokit-Session on every call);
// a new session is created by its first request. Also where the control token is entered when
// the server asks for one.
import type { App } from '../app.js';
import { h, setText, syncOptions } from '../dom.js';
import type { SessionInfo } from '../types.js';
import { field, fieldError, labelled } from './forms.js';

const DEFAULT = '';
const SESSION_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function sessionBar(app: App, onChange: () => void) {
  const picker = labelled('World', h('select'));
  const pickerField = field(picker);
  const fresh = labelled('Session id', h('input', { type: 'text', autocomplete: 'off', maxlength: 64, spellcheck: 'false', placeholder: 'e.g. worker-1' }));
  const freshError = fieldError(fresh.input);
  const end = h('button', { type: 'button', hidden: true }, 'End this session');
  const form = h('form', { class: 'inline-form', 'aria-label': 'Use a session' }, fresh.label, fresh.input, h('button', { type: 'submit' }, 'Use session'), freshError.element);

  const choose = (id: string | null) => {
    app.api.setSession(id);
    onChange();
  };
  picker.input.addEventListener('change', () => choose(picker.input.value === DEFAULT ? null : picker.input.value));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = fresh.input.value.trim();
    if (!SESSION_ID.test(id) || id === '.' || id === '..') return freshError.show('1 to 64 characters of A-Z a-z 0-9 . _ -, not "." or ".."');
    freshError.show(null);
    fresh.input.value = '';
    choose(id);
  });
  end.addEventListener('click', async () => {
    const id = app.api.connection.session;
    if (id === null) return;
    await app.run(`End session ${id}`, () => app.api.control('DELETE', `/__mock/sessions/${encodeURIComponent(id)}`, undefined, { withSession: false }));
    choose(null);
  });

  const tokenInput = labelled('Control token', h('input', { type: 'password', autocomplete: 'off', spellcheck: 'false' }));
  const tokenForm = h(
    'form',
    { class: 'inline-form token-form', 'aria-label': 'Enter the control token', hidden: true },
    h('p', {}, 'This server’s control plane needs its token (printed in its banner; or open the page as /__mock/ui?token=…).'),
    tokenInput.label,
    tokenInput.input,
    h('button', { type: 'submit' }, 'Use token'),
  );
  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    app.api.setToken(tokenInput.input.value.trim() || null);
    tokenInput.input.value = '';
    onChange();
  });

  const status = h('p', { class: 'connection', role: 'status' });
  const element = h('div', { class: 'session-bar' }, h('div', { class: 'session-controls' }, pickerField, form, end), tokenForm, status);

  return {
    element,
    update(sessions: SessionInfo[] | undefined) {
      const chosen = app.api.connection.session;
      const list = sessions ?? [];
      const options = [{ value: DEFAULT, label: 'default world' }, ...list.map((s) => ({ value: s.id, label: `session ${s.id} (${s.requests} requests)` }))];
      if (chosen !== null && !list.some((s) => s.id === chosen)) options.push({ value: chosen, label: `session ${chosen}` });
      syncOptions(picker.input, options);
      picker.input.value = chosen ?? DEFAULT;
      // The picker appears once there is something to pick.
      pickerField.hidden = options.length === 1;
      end.hidden = chosen === null;
    },
    /** What the page is connected to, or what is wrong. */
    status(text: string, problem: 'token' | 'other' | null) {
      setText(status, text);
      status.dataset.problem = problem ?? '';
      tokenForm.hidden = problem !== 'token';
    },
  };
}
