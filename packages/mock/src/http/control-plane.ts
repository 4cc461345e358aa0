// The control plane under /__mock/: health, reset, the clock, creating entities, the journal
// and injected faults. Plain in, plain out (the HTTP handler writes the result), snake_case
// JSON. Bad input is a 400 naming the field, and is rejected before anything changes.
import { readApiKeyInput, readVineKeyInput, readVirtualKeyInput } from './entity-inputs.js';
import { InputError, readFields } from './fields.js';
import type { MockSet } from './mocks.js';
import { readClockChange, readFault } from './control-inputs.js';
import type { JournalEntry } from '../core/journal.js';

export const CONTROL_PREFIX = '/__mock/';

export type ControlResult =
  | { kind: 'unmatched' }
  | { kind: 'method-not-allowed'; allow: readonly string[] }
  | { kind: 'respond'; status: number; body?: unknown; field?: string };

type Handler = (body: unknown) => { status: number; body?: unknown };

export function createControlPlane(mocks: MockSet) {
  const { langwatch, vine, clock } = mocks;
  const clockView = () => ({ now: new Date(clock.now()).toISOString(), offset_ms: clock.offsetMs, frozen: clock.frozen });
  // Each mock's journal knows only its own credentials; a Vine key sent to a LangWatch path is redacted here.
  const journalView = (entries: JournalEntry[]) =>
    entries.map(({ method, url, operationId, status, at }) => ({ method, url: mocks.redact(url), operation_id: operationId, status, at }));

  const routes: Record<string, Partial<Record<'GET' | 'POST' | 'DELETE', Handler>>> = {
    '/__mock/health': { GET: () => ({ status: 200, body: { ok: true } }) },
    '/__mock/reset': {
      POST: () => {
        mocks.reset();
        return { status: 204 };
      },
    },
    '/__mock/clock': {
      GET: () => ({ status: 200, body: clockView() }),
      POST: (body) => {
        const change = readClockChange(body, clock.now());
        if (change.frozen === true) clock.freeze();
        if (change.frozen === false) clock.unfreeze();
        if (change.setTo !== undefined) clock.set(change.setTo);
        if (change.advanceMs !== undefined) clock.advance(change.advanceMs);
        return { status: 200, body: clockView() };
      },
    },
    '/__mock/langwatch/projects': {
      POST: (body) => {
        readFields(body, '', []);
        const project = langwatch.seed.project();
        return { status: 201, body: { id: project.id, api_key: project.apiKey } };
      },
    },
    '/__mock/langwatch/virtual-keys': {
      POST: (body) => {
        const { project, options } = readVirtualKeyInput(body, '', 'project_id');
        const projectId = project ?? langwatch.defaultProject.id;
        if (!langwatch.snapshot().projects.has(projectId)) {
          throw new InputError('project_id', `project_id "${projectId}" is not a project of this mock`);
        }
        return { status: 201, body: langwatch.seed.virtualKey({ ...options, projectId }) };
      },
    },
    '/__mock/langwatch/api-keys': {
      POST: (body) => {
        const options = readApiKeyInput(body, '');
        const key = langwatch.seed.apiKey(options);
        return { status: 201, body: { id: key.id, token: key.token, role: options.role ?? 'admin', owner_user_id: key.ownerUserId } };
      },
    },
    '/__mock/vine/keys': {
      POST: (body) => ({ status: 201, body: { key: vine.seed.key(readVineKeyInput(body, '')) } }),
    },
    '/__mock/requests': {
      GET: () => ({ status: 200, body: { langwatch: journalView(langwatch.requests), vine: journalView(vine.requests) } }),
    },
    '/__mock/faults': {
      GET: () => ({
        status: 200,
        body: { faults: [...langwatch.faults.pending(), ...vine.faults.pending()].map(faultView) },
      }),
      POST: (body) => {
        const { operationId, fault } = readFault(body, mocks.operationIds);
        const owner = mocks.ownerOf(operationId) === 'vine' ? vine : langwatch;
        owner.faults.next(operationId, fault);
        return { status: 201, body: faultView({ operationId, ...fault }) };
      },
      DELETE: () => {
        langwatch.faults.clear();
        vine.faults.clear();
        return { status: 204 };
      },
    },
  };

  return {
    /** `body` is the raw request text (undefined when there was none). */
    handle(method: string, path: string, body: string | undefined): ControlResult {
      const route = routes[path];
      if (!route) return { kind: 'unmatched' };
      const handler = route[method as keyof typeof route];
      if (!handler) return { kind: 'method-not-allowed', allow: Object.keys(route) };
      let json: unknown = {};
      if (method === 'POST' && body !== undefined && body.trim() !== '') {
        try {
          json = JSON.parse(body);
        } catch {
          return { kind: 'respond', status: 400, body: { error: 'bad_request', message: 'The request body is not valid JSON' } };
        }
      }
      try {
        return { kind: 'respond', ...handler(json) };
      } catch (error) {
        // Messages may quote what was sent; a credential in it is redacted like everywhere else.
        if (error instanceof InputError) {
          const field = mocks.redact(error.field);
          return { kind: 'respond', status: 400, field, body: { error: 'bad_request', message: mocks.redact(error.message), field } };
        }
        // The cores validate too; their TypeError/RangeError is still the caller's bad input.
        if (error instanceof TypeError || error instanceof RangeError) {
          return { kind: 'respond', status: 400, body: { error: 'bad_request', message: mocks.redact(error.message) } };
        }
        throw error;
      }
    },
  };
}

export type ControlPlane = ReturnType<typeof createControlPlane>;

function faultView(fault: { operationId: string; status?: number; headers?: Record<string, string>; body?: string; delayMs?: number; networkError?: boolean; dropResponse?: boolean; times?: number }) {
  const view: Record<string, unknown> = { operation_id: fault.operationId };
  if (fault.status !== undefined) view.status = fault.status;
  if (fault.headers !== undefined) view.headers = fault.headers;
  if (fault.body !== undefined) view.body = fault.body;
  if (fault.delayMs !== undefined) view.delay_ms = fault.delayMs;
  if (fault.networkError !== undefined) view.network_error = fault.networkError;
  if (fault.dropResponse !== undefined) view.drop_response = fault.dropResponse;
  view.times = fault.times ?? 1;
  return view;
}
