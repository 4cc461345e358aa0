// Labelled inputs and inline field errors, the same way in every form.
import { h, setAttr, setText, uid } from '../dom.js';

export function labelled<E extends HTMLInputElement | HTMLSelectElement>(text: string, input: E): { label: HTMLLabelElement; input: E } {
  const id = uid('field');
  input.id = id;
  return { label: h('label', { for: id }, text), input };
}

/** A message tied to its input (aria-describedby, aria-invalid), hidden while there is none. */
export function fieldError(input: HTMLElement) {
  const id = uid('error');
  const element = h('p', { id, class: 'field-error', role: 'alert', hidden: true });
  return {
    element,
    show(message: string | null) {
      element.hidden = message === null;
      setText(element, message ?? '');
      setAttr(input, 'aria-invalid', message === null ? null : 'true');
      setAttr(input, 'aria-describedby', message === null ? null : id);
    },
  };
}

/** A label above its input. */
export const field = (parts: { label: HTMLLabelElement; input: HTMLElement }): HTMLDivElement => h('div', { class: 'field' }, parts.label, parts.input);

export function select(options: ReadonlyArray<[value: string, label: string]>): HTMLSelectElement {
  return h('select', {}, ...options.map(([value, label]) => h('option', { value }, label)));
}
