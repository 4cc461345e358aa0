// The page's only way to build DOM: elements, attributes and text nodes, never HTML strings, so
// whatever the server sends (names, ids, urls typed by someone) is shown as text, never parsed.

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | null | undefined | EventListener>;

/** `h('button', { type: 'button', onclick: fn }, 'Rotate')`. `on*` props become listeners; `false`/`null` props are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Sets text only when it changed, so that polling does not churn the DOM (or a screen reader). */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

export function setAttr(element: Element, name: string, value: string | null): void {
  if (value === null) element.removeAttribute(name);
  else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

export function setStyle(element: HTMLElement, name: string, value: string): void {
  if (element.style.getPropertyValue(name) !== value) element.style.setProperty(name, value);
}

/**
 * Makes `parent`'s children match `items`, keyed: an item whose key was already shown keeps its
 * element (and with it focus, an open select, typed text), new ones are created, gone ones removed.
 */
export function syncChildren<T, E extends Element>(
  parent: Element,
  items: readonly T[],
  keyOf: (item: T) => string,
  create: (item: T) => E,
  update: (element: E, item: T) => void = () => {},
): void {
  const existing = new Map<string, E>();
  for (const child of [...parent.children]) {
    const key = (child as HTMLElement).dataset.key;
    if (key !== undefined) existing.set(key, child as E);
  }
  let cursor: Element | null = parent.firstElementChild;
  for (const item of items) {
    const key = keyOf(item);
    let element = existing.get(key);
    if (element) existing.delete(key);
    else {
      element = create(item);
      (element as unknown as HTMLElement).dataset.key = key;
    }
    update(element, item);
    if (element !== cursor) parent.insertBefore(element, cursor);
    else cursor = cursor.nextElementSibling;
  }
  for (const stale of existing.values()) stale.remove();
}

/** Options of a <select>, kept in place; the chosen value survives when it is still offered. */
export function syncOptions(select: HTMLSelectElement, options: ReadonlyArray<{ value: string; label: string }>): void {
  const chosen = select.value;
  syncChildren(
    select,
    options,
    (option) => option.value,
    (option) => h('option', { value: option.value }),
    (element, option) => setText(element, option.label),
  );
  if (options.some((option) => option.value === chosen)) select.value = chosen;
}

let ids = 0;
/** A page-unique id, for label/for and aria-describedby pairs. */
export const uid = (prefix: string): string => `${prefix}-${++ids}`;
