// One key of the timeline: what it is, its secret (masked unless revealed), its bar, the facts
// in words, and what can be done to it. Built once per key, then updated in place on every poll,
// so that focus, a chosen option and the reveal state survive.
import type { App } from '../app.js';
import { h, setAttr, setText, syncOptions, uid } from '../dom.js';
import { mask } from '../format.js';
import type { Domain, TimelineRow } from '../timeline-model.js';
import type { ApiKeyListing, VineKeyListing, VirtualKeyListing } from '../types.js';
import { adminRevoke, vineRevoke, virtualKeyActions } from './key-actions.js';
import { labelled } from './forms.js';
import { timelineBar } from './timeline-bar.js';

export type RowData =
  | { model: TimelineRow; kind: 'virtual-key'; listing: VirtualKeyListing }
  | { model: TimelineRow; kind: 'admin-key'; listing: ApiKeyListing }
  | { model: TimelineRow; kind: 'vine-key'; listing: VineKeyListing };

const STATE_TEXT = { active: 'active', propagating: 'revoked, gateway still accepts', revoked: 'revoked' } as const;

interface Secret {
  label: string;
  value: string | undefined;
  /** How much of it the API itself shows (a display prefix). */
  visible: number;
}

function secretsOf(data: RowData): Secret[] {
  if (data.kind === 'virtual-key') {
    const { secret, previous_secret: previous } = data.listing;
    return [
      { label: 'Secret', value: secret, visible: 18 },
      { label: 'Old secret', value: previous?.secret, visible: 18 },
    ];
  }
  if (data.kind === 'admin-key') return [{ label: 'Token', value: data.listing.token, visible: data.listing.token.indexOf('_') + 1 }];
  return [{ label: 'Plaintext', value: data.listing.plaintext, visible: 12 }];
}

export function keyRow(app: App, initial: RowData) {
  let data = initial;
  let revealed = false;
  const titleId = uid('key');
  const title = h('h4', { id: titleId, class: 'row-title' });
  const badge = h('span', { class: 'badge' });
  const idCode = h('code', { class: 'key-id' });
  const reveal = h('button', { type: 'button', class: 'small', 'aria-pressed': 'false' }, 'Reveal');
  const secretsList = h('dl', { class: 'secrets' });
  const bar = timelineBar(initial.model.title);
  const facts = h('ul', { class: 'facts' });
  const result = h('p', { class: 'gateway-result', role: 'status' });
  const actions = h('div', { class: 'actions', role: 'group', 'aria-labelledby': titleId });

  reveal.addEventListener('click', () => {
    revealed = !revealed;
    render();
  });

  const button = (label: string, onClick: () => unknown, extra: Record<string, string> = {}) =>
    h('button', { type: 'button', ...extra, onclick: () => void onClick() }, label);

  let refreshActions: () => void = () => {};
  if (initial.kind === 'virtual-key') {
    const act = virtualKeyActions(app, () => (data as Extract<RowData, { kind: 'virtual-key' }>).listing);
    const tryOld = button('Try old secret at gateway', async () => setText(result, await act.tryAtGateway('old')));
    actions.append(
      button('Rotate', act.rotate),
      button('Revoke', act.revoke, { class: 'danger' }),
      button('Try secret at gateway', async () => setText(result, await act.tryAtGateway('current'))),
      tryOld,
    );
    refreshActions = () => {
      tryOld.disabled = (data as Extract<RowData, { kind: 'virtual-key' }>).listing.previous_secret === null;
    };
  } else if (initial.kind === 'admin-key') {
    const acting = labelled('Act as', h('select', { class: 'acting-key' }));
    acting.input.addEventListener('change', () => (acting.input.dataset.touched = 'true'));
    actions.append(
      acting.label,
      acting.input,
      button('Revoke', () => {
        const keys = app.view()?.apiKeys ?? [];
        return adminRevoke(app, (data as Extract<RowData, { kind: 'admin-key' }>).listing, keys.find((key) => key.id === acting.input.value));
      }, { class: 'danger' }),
    );
    refreshActions = () => {
      const self = (data as Extract<RowData, { kind: 'admin-key' }>).listing;
      const keys = app.view()?.apiKeys ?? [];
      syncOptions(acting.input, keys.map((key) => ({ value: key.id, label: `${key.role} ${key.id}${key.id === self.id ? ' (itself)' : ''}${key.revoked_at ? ' (revoked)' : ''}` })));
      if (acting.input.dataset.touched !== 'true') {
        const preferred = keys.find((key) => key.id !== self.id && key.role === 'admin' && key.revoked_at === null) ?? keys.find((key) => key.id !== self.id);
        if (preferred) acting.input.value = preferred.id;
      }
    };
  } else {
    actions.append(button('Revoke', () => vineRevoke(app, (data as Extract<RowData, { kind: 'vine-key' }>).listing), { class: 'danger' }));
  }

  const element = h(
    'li',
    { class: `key-row kind-${initial.kind}`, 'aria-labelledby': titleId },
    h('div', { class: 'row-head' }, title, badge, idCode),
    h('div', { class: 'secret-line' }, secretsList, reveal),
    bar.element,
    facts,
    actions,
    result,
  );

  let domain: Domain = { from: 0, to: 1 };
  let now = 0;
  function render() {
    const { model } = data;
    setText(title, model.title === '' ? '(no name)' : model.title);
    setText(badge, STATE_TEXT[model.state]);
    setAttr(badge, 'data-state', model.state);
    setAttr(element, 'data-state', model.state);
    setText(idCode, model.id);
    setText(reveal, revealed ? 'Hide secrets' : 'Reveal secrets');
    setAttr(reveal, 'aria-pressed', String(revealed));
    const secrets = secretsOf(data).filter((secret) => secret.value !== undefined);
    const parts = secrets.flatMap((secret) => [
      h('dt', {}, secret.label),
      h('dd', {}, h('code', { class: revealed ? 'secret revealed' : 'secret' }, revealed ? secret.value! : mask(secret.value!, secret.visible))),
    ]);
    // Rebuilt only when what it shows changed: it holds no focusable element.
    const signature = JSON.stringify([revealed, secrets.map((secret) => secret.value)]);
    if (secretsList.dataset.signature !== signature) {
      secretsList.replaceChildren(...parts);
      secretsList.dataset.signature = signature;
    }
    bar.update(model, domain, now);
    const factsSignature = JSON.stringify(model.facts);
    if (facts.dataset.signature !== factsSignature) {
      facts.replaceChildren(...model.facts.map((fact) => h('li', {}, fact)));
      facts.dataset.signature = factsSignature;
    }
    refreshActions();
  }

  return {
    element,
    update(next: RowData, nextDomain: Domain, nextNow: number) {
      data = next;
      domain = nextDomain;
      now = nextNow;
      render();
    },
  };
}
