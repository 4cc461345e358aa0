// Runs in Chromium: starts MSW's service worker with both mocks' handlers, drives a key
// lifecycle through the real SDK clients and plain fetch, and records what it saw. The Node
// side asserts on the report; this file only observes, so a failure shows every value.
import { setupWorker } from 'msw/browser';
import { createLangWatchClient } from '@revokit/langwatch';
import { createVineClient } from '@revokit/vine';
import { createLangWatchMock, createVineMock, onUnhandled } from '@revokit/mock';

const PROPAGATION_MS = 60_000;

export interface ScenarioReport {
  /** The page's own origin, to show the mocked hosts are cross-origin. */
  origin: string;
  /** Whether a service worker controls the page once worker.start() resolves. */
  controlled: boolean;
  seeded: { id: string; revision: string };
  rotated: { revision: string; newSecretDiffers: boolean };
  revoked: { status: string; revision: string };
  /** Data-plane statuses of GET /v1/models, by moment and by secret. */
  models: Record<string, number>;
  /** The data plane's 401 body once propagation has elapsed. */
  rejectedBody: unknown;
  /** A streamed chat completion read through the worker: its content type, network chunks and data lines. */
  stream: { contentType: string | null; chunks: number; data: string[] };
  adminRevoke: { first: unknown; second: { name: string; status: number | undefined } };
  vine: { first: unknown; second: unknown; expectedRevokedAt: string };
  journal: { langwatch: string[]; vine: string[] };
}

export type ScenarioOutcome = { ok: true; report: ScenarioReport } | { ok: false; error: string };

async function run(): Promise<ScenarioReport> {
  const lw = createLangWatchMock({ clock: 'frozen', propagationMs: PROPAGATION_MS });
  const vineMock = createVineMock({ clock: 'frozen' });
  const worker = setupWorker(...lw.handlers, ...vineMock.handlers);
  // Awaited: until the worker is active, fetches would go to the (absent) network.
  // 'error' makes any request the mocks do not claim fail loudly instead of leaking.
  await worker.start({ ...onUnhandled('error'), quiet: true });
  try {
    const models = async (secret: string) =>
      (await fetch('https://gateway.langwatch.ai/v1/models', { headers: { authorization: `Bearer ${secret}` } })).status;
    const client = createLangWatchClient({ apiKey: lw.defaultProject.apiKey, maxRetries: 0 });
    const statuses: Record<string, number> = {};

    const { virtual_key, secret: original } = lw.seed.virtualKey({ name: 'browser' });
    statuses['original, before rotate'] = await models(original);

    const rotated = await client.virtualKeys.rotate(virtual_key.id);
    statuses['original, in grace'] = await models(original);
    statuses['rotated, after rotate'] = await models(rotated.secret);
    const stream = await streamChat(rotated.secret);

    const revoked = await client.virtualKeys.revoke(virtual_key.id);
    // The rotated-out secret after a revoke is left to test/mock/data-plane.test.ts.
    statuses['rotated, after revoke'] = await models(rotated.secret);
    lw.clock.advance(PROPAGATION_MS - 1);
    statuses['rotated, propagationMs - 1'] = await models(rotated.secret);
    lw.clock.advance(1);
    const rejected = await fetch('https://gateway.langwatch.ai/v1/models', { headers: { authorization: `Bearer ${rotated.secret}` } });
    statuses['rotated, propagationMs'] = rejected.status;

    const admin = lw.seed.apiKey({ role: 'admin', permissions: ['organization:manage'] });
    const target = lw.seed.apiKey();
    const adminClient = createLangWatchClient({ adminApiKey: admin.token, maxRetries: 0 });
    const adminFirst = await adminClient.apiKeys.revoke(target.id);
    const adminSecond = await adminClient.apiKeys.revoke(target.id).then(
      () => ({ name: 'no error', status: undefined }),
      (error: { name: string; status?: number }) => ({ name: error.name, status: error.status }),
    );

    const vineKey = vineMock.seed.key({ name: 'browser', env: 'test' });
    const vine = createVineClient({ maxRetries: 0 });
    const vineFirst = await vine.keys.revoke(vineKey.id);
    const expectedRevokedAt = new Date(vineMock.clock.now()).toISOString();
    vineMock.clock.advance(1_000);
    const vineSecond = await vine.keys.revoke(vineKey.id);

    return {
      origin: location.origin,
      controlled: navigator.serviceWorker.controller !== null,
      seeded: { id: virtual_key.id, revision: virtual_key.revision },
      rotated: { revision: rotated.virtual_key.revision, newSecretDiffers: rotated.secret !== original },
      revoked: { status: revoked.virtual_key.status, revision: revoked.virtual_key.revision },
      models: statuses,
      rejectedBody: await rejected.json(),
      stream,
      adminRevoke: { first: adminFirst, second: adminSecond },
      vine: { first: vineFirst, second: vineSecond, expectedRevokedAt },
      journal: {
        langwatch: lw.requests.map((entry) => `${entry.operationId} ${entry.status}`),
        vine: vineMock.requests.map((entry) => `${entry.operationId} ${entry.status}`),
      },
    };
  } finally {
    worker.stop();
  }
}

async function streamChat(secret: string): Promise<ScenarioReport['stream']> {
  const response = await fetch('https://gateway.langwatch.ai/v1/chat/completions', {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'openai/gpt-5-mini', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks += 1;
    text += decoder.decode(value, { stream: true });
  }
  const data = text.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice('data: '.length));
  return { contentType: response.headers.get('content-type'), chunks, data };
}

// The test awaits this promise through page.evaluate; errors become data so they cross over.
(globalThis as { scenario?: Promise<ScenarioOutcome> }).scenario = run().then(
  (report) => ({ ok: true, report }),
  (error: unknown) => ({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error) }),
);
