// The reference: a fresh revokit-mock world in this process (the families and demo entities
// `revokit-mock` serves), answered through the core's plain request/outcome API. Its clock is
// frozen and moves only when a step waits, so the propagation there is crossed in no real time.
import { defaultFamilies } from '../families/index.js';
import { createWorld } from '../server/world/world.js';
import type { Side } from './side.js';
import type { Answer, CredentialName, StepRequest } from './step.js';

export interface ReferenceOptions {
  /** What its gateway answers a revoked key with: the option that models production (default 401). */
  revokedKeyStatus?: 401 | 403;
}

export interface Reference {
  side: Side;
  /** Its demo credentials, in the roles the target's come from the environment. */
  credentials: Record<CredentialName, string>;
}

export function createReference(options: ReferenceOptions = {}): Reference {
  const world = createWorld({ families: defaultFamilies, clock: 'frozen', demo: true, settings: { revokedKeyStatus: options.revokedKeyStatus } });
  const side: Side = {
    name: 'mock',
    async send(request: StepRequest): Promise<Answer> {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      const [path, query] = request.path.split('?') as [string, string | undefined];
      const outcome = world.handle({ method: request.method, url: request.path, path, query, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) });
      switch (outcome.kind) {
        case 'respond': {
          const { status, body, headers: answered = {} } = outcome.response;
          const requestId = Object.entries(answered).find(([name]) => name.toLowerCase() === 'x-request-id')?.[1];
          // Through JSON and back, as the wire would carry it (undefined fields vanish).
          return { status, body: body === undefined ? undefined : JSON.parse(JSON.stringify(body)), json: body !== undefined, requestId };
        }
        case 'unmatched':
          return { status: 404, body: { error: 'not_found', message: `No mock serves ${request.method} ${path}` }, json: true, requestId: undefined };
        case 'method-not-allowed':
          return { status: 405, body: { error: 'method_not_allowed', message: `${request.method} is not allowed here` }, json: true, requestId: undefined };
        case 'network-error':
          throw new Error(`the reference mock dropped ${request.method} ${path}: no fault is ever queued there`);
      }
    },
    now: () => world.clock.now(),
    async sleep(ms) {
      world.clock.advance(ms);
    },
  };
  const { project, demo } = world.credentials;
  if (!demo) throw new Error('the reference world has no demo credentials');
  return {
    side,
    credentials: {
      projectKey: project.apiKey,
      adminKey: demo.admin_api_key.token,
      providerCredentialId: project.providerCredentialId,
    },
  };
}
