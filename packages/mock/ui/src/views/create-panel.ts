// Creating entities through the control plane: a project, a virtual key, an admin API key, a Vine key.
import type { App, Panel } from '../app.js';
import { h, syncOptions, uid } from '../dom.js';
import { field, labelled, select } from './forms.js';

const ENVIRONMENTS: ReadonlyArray<[string, string]> = [
  ['live', 'live'],
  ['test', 'test'],
];

function form(title: string, fields: HTMLElement[], submit: string, onSubmit: () => void): HTMLFormElement {
  const id = uid('create');
  const element = h('form', { class: 'create-form', 'aria-labelledby': id }, h('h3', { id }, title), ...fields, h('button', { type: 'submit' }, submit));
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit();
  });
  return element;
}

export function createPanel(app: App): Panel {
  const created = (what: string, path: string, body: object) => app.run(`Create ${what}`, () => app.api.control('POST', path, body));

  const vkName = labelled('Name', h('input', { type: 'text', autocomplete: 'off', maxlength: 200, placeholder: 'checkout' }));
  const vkEnv = labelled('Environment', select(ENVIRONMENTS));
  const vkProject = labelled('Project', h('select'));
  const adminRole = labelled('Role', select([['admin', 'admin'], ['member', 'member']]));
  const vineName = labelled('Name', h('input', { type: 'text', autocomplete: 'off', maxlength: 200, placeholder: 'ci' }));
  const vineEnv = labelled('Environment', select(ENVIRONMENTS));

  const headingId = uid('create');
  const element = h(
    'section',
    { class: 'panel create', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, 'Create'),
    h(
      'div',
      { class: 'create-grid' },
      form('Project', [], 'Create project', () => void created('a project', '/__mock/langwatch/projects', {})),
      form('Virtual key', [field(vkName), field(vkEnv), field(vkProject)], 'Create virtual key', () => {
        const body: Record<string, string> = { environment: vkEnv.input.value };
        if (vkName.input.value.trim() !== '') body.name = vkName.input.value;
        if (vkProject.input.value !== '') body.project_id = vkProject.input.value;
        void created('a virtual key', '/__mock/langwatch/virtual-keys', body);
      }),
      form('Admin API key', [field(adminRole)], 'Create admin key', () => void created(`an admin key (${adminRole.input.value})`, '/__mock/langwatch/api-keys', { role: adminRole.input.value })),
      form('Vine key', [field(vineName), field(vineEnv)], 'Create Vine key', () => {
        const body: Record<string, string> = { env: vineEnv.input.value };
        if (vineName.input.value.trim() !== '') body.name = vineName.input.value;
        void created('a Vine key', '/__mock/vine/keys', body);
      }),
    ),
  );

  return {
    element,
    update(view) {
      syncOptions(vkProject.input, view.projects.map((project, i) => ({ value: project.id, label: i === 0 ? `${project.id} (default)` : project.id })));
    },
  };
}
