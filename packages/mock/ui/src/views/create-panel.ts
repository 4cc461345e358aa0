// Creating entities as a client would: virtual keys, admin API keys and Vine keys through their
// API routes, with the credentials a client would send (so the journal shows them, and every rule
// of those routes applies); a project through the control plane, since no API route creates one.
import type { App, Panel } from '../app.js';
import { h, syncOptions, uid } from '../dom.js';
import type { ApiKeyListing, WorldView } from '../types.js';
import { field, labelled, select } from './forms.js';

const ENVIRONMENTS: ReadonlyArray<[string, string]> = [
  ['live', 'live'],
  ['test', 'test'],
];

function form(title: string, fields: HTMLElement[], submit: string, onSubmit: () => void, hint?: string): HTMLFormElement {
  const id = uid('create');
  const element = h('form', { class: 'create-form', 'aria-labelledby': id }, h('h3', { id }, title), ...(hint ? [h('p', { class: 'hint' }, hint)] : []), ...fields, h('button', { type: 'submit' }, submit));
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit();
  });
  return element;
}

/** `base`, or `base 2`, `base 3`…: the first the taken names leave free (names are unique per project). */
function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

/** Keys that can create API keys: live, with organization:manage. */
const managers = (view: WorldView | undefined): ApiKeyListing[] =>
  (view?.apiKeys ?? []).filter((key) => key.revoked_at === null && key.permissions.includes('organization:manage'));

export function createPanel(app: App): Panel {
  const vkName = labelled('Name', h('input', { type: 'text', autocomplete: 'off', maxlength: 128, placeholder: 'checkout' }));
  const vkEnv = labelled('Environment', select(ENVIRONMENTS));
  const vkProject = labelled('Project', h('select'));
  const vkCredential = labelled('Provider credential', h('select'));
  const adminName = labelled('Name', h('input', { type: 'text', autocomplete: 'off', maxlength: 100, placeholder: 'ci' }));
  const adminType = labelled('Type', select([['service', 'service (no user)'], ['personal', 'personal (the acting key\u2019s user)']]));
  const adminRole = labelled('Role at the organization', select([['ADMIN', 'ADMIN'], ['MEMBER', 'MEMBER'], ['VIEWER', 'VIEWER']]));
  const adminActing = labelled('Create as', h('select'));
  const vineName = labelled('Name', h('input', { type: 'text', autocomplete: 'off', maxlength: 100, placeholder: 'ci' }));
  const vineEnv = labelled('Environment', select(ENVIRONMENTS));

  const createVirtualKey = () => {
    const view = app.view();
    const project = view?.projects.find((p) => p.id === vkProject.input.value) ?? view?.projects[0];
    const taken = new Set(view?.virtualKeys.filter((key) => key.project_id === project?.id).map((key) => key.virtual_key.name));
    const body = {
      name: vkName.input.value.trim() === '' ? freeName('Virtual key', taken) : vkName.input.value,
      environment: vkEnv.input.value,
      provider_credential_ids: vkCredential.input.value === '' ? [] : [vkCredential.input.value],
    };
    return app.run('Create a virtual key', () => app.api.service('POST', '/api/gateway/v1/virtual-keys', project ? { 'X-Auth-Token': project.api_key } : {}, body));
  };

  const createAdminKey = () => {
    const view = app.view();
    const acting = view?.apiKeys.find((key) => key.id === adminActing.input.value);
    const taken = new Set(view?.apiKeys.map((key) => key.name));
    const body = {
      name: adminName.input.value.trim() === '' ? freeName('Dashboard key', taken) : adminName.input.value,
      keyType: adminType.input.value,
      bindings: [{ role: adminRole.input.value, scopeType: 'ORGANIZATION', scopeId: view?.projects[0]?.organization_id ?? '' }],
    };
    const label = `Create an admin key (${body.keyType}, ${adminRole.input.value})${acting ? ` as ${acting.id}` : ''}`;
    return app.run(label, () => app.api.service('POST', '/api/api-keys', acting ? { authorization: `Bearer ${acting.token}` } : {}, body));
  };

  const createVineKey = () => {
    const taken = new Set(app.view()?.vineKeys.map((key) => key.name));
    const body = { name: vineName.input.value.trim() === '' ? freeName('Dashboard key', taken) : vineName.input.value, env: vineEnv.input.value };
    return app.run('Create a Vine key', () => app.api.service('POST', '/api/v1/keys', {}, body));
  };

  const headingId = uid('create');
  const element = h(
    'section',
    { class: 'panel create', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, 'Create'),
    h(
      'div',
      { class: 'create-grid' },
      form('Project', [], 'Create project', () => void app.run('Create a project', () => app.api.control('POST', '/__mock/langwatch/projects', {})), 'Through the control plane: no API route creates a project.'),
      form('Virtual key', [field(vkName), field(vkEnv), field(vkProject), field(vkCredential)], 'Create virtual key', () => void createVirtualKey(), 'POST /api/gateway/v1/virtual-keys with the project\u2019s key.'),
      form('Admin API key', [field(adminName), field(adminType), field(adminRole), field(adminActing)], 'Create admin key', () => void createAdminKey(), 'POST /api/api-keys with the acting key\u2019s token.'),
      form('Vine key', [field(vineName), field(vineEnv)], 'Create Vine key', () => void createVineKey(), 'POST /api/v1/keys.'),
    ),
  );

  let last: WorldView | undefined;
  const syncCredentials = () => {
    if (!last) return;
    const projectId = vkProject.input.value || last.projects[0]?.id;
    const usable = last.providerCredentials.filter((credential) => credential.project_id === projectId && credential.disabled_at === null);
    syncOptions(vkCredential.input, usable.map((credential) => ({ value: credential.id, label: `${credential.model_provider_name}/${credential.slot} ${credential.id}` })));
  };
  vkProject.input.addEventListener('change', syncCredentials);
  adminActing.input.addEventListener('change', () => (adminActing.input.dataset.touched = 'true'));

  return {
    element,
    update(view) {
      last = view;
      syncOptions(vkProject.input, view.projects.map((project, i) => ({ value: project.id, label: i === 0 ? `${project.id} (default)` : project.id })));
      syncCredentials();
      const live = view.apiKeys.filter((key) => key.revoked_at === null);
      syncOptions(adminActing.input, live.map((key) => ({ value: key.id, label: `${key.role} ${key.id}` })));
      // Unless chosen by hand: a key that may create keys.
      const preferred = managers(view)[0];
      if (adminActing.input.dataset.touched !== 'true' && preferred) adminActing.input.value = preferred.id;
    },
  };
}
