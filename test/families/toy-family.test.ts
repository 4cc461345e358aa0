// Adding an API family is its own files plus one line in a families list: a toy family, in a
// fixture, is served over HTTP (routes, control-plane entity, faults, journal, seeding, reset) and
// through MSW, and shows up in the banner and the help, with no change to the shipped code.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBanner } from '@revokit/mock/cli/banner';
import { helpText } from '@revokit/mock/cli/help';
import { createClock, createMswHandlers, onUnhandled } from '@revokit/mock';
import { createMockServer, defaultFamilies } from '@revokit/mock/server';
import { createToyCore } from '../fixtures/toy-family/toy-core.js';
import { toyFamily } from '../fixtures/toy-family/toy-family.js';
import { send } from '../server/support/server.js';

const families = [...defaultFamilies, toyFamily] as const; // the one line

describe('a toy family over HTTP', () => {
  const server = createMockServer({ families, seed: { toy: { widgets: [{ name: 'seeded' }] } } });
  let url = '';
  beforeAll(async () => {
    url = await server.listen({ port: 0 });
  });
  afterAll(() => server.close());

  it('serves its routes beside the others, with the query string reaching the behaviour', async () => {
    const demoId = server.credentials.demo!.widget.id;
    expect((await send(url, 'GET', `/toy/v1/widgets/${demoId}`)).body).toEqual({ id: demoId, name: 'demo', pokes: 0 });
    expect((await send(url, 'POST', `/toy/v1/widgets/${demoId}/poke`)).body.pokes).toBe(1);
    expect((await send(url, 'GET', '/toy/v1/widgets?name=seeded')).body).toEqual({ widgets: [{ id: server.credentials.seeded.widgets[0]!.id, name: 'seeded', pokes: 0 }] });
    expect((await send(url, 'GET', '/toy/v1/widgets/nope')).status).toBe(404);
    // The other families are untouched.
    expect((await send(url, 'POST', `/api/v1/keys/${server.credentials.demo!.vine_key.id}/revoke`)).status).toBe(200);
    expect(server.toy.snapshot().widgets.size).toBe(2);
  });

  it('has a control-plane entity, faults and a journal of its own; reset brings back its baseline', async () => {
    const created = await send(url, 'POST', '/__mock/toy/widgets', { headers: { 'content-type': 'application/json' }, body: '{"name":"made"}' });
    expect(created).toMatchObject({ status: 201, body: { id: expect.any(String), name: 'made' } });
    expect((await send(url, 'GET', '/__mock/toy/widgets')).body.widgets.map((w: { name: string }) => w.name)).toEqual(['demo', 'seeded', 'made']);
    const bad = await send(url, 'POST', '/__mock/toy/widgets', { headers: { 'content-type': 'application/json' }, body: '{"name":1}' });
    expect(bad).toMatchObject({ status: 400, body: { error: 'bad_request', field: 'name' } });

    expect((await send(url, 'POST', '/__mock/faults', { headers: { 'content-type': 'application/json' }, body: '{"operation_id":"listWidgets","status":503}' })).status).toBe(201);
    expect((await send(url, 'GET', '/toy/v1/widgets')).body).toEqual({ problem: 'Injected fault: HTTP 503' });
    expect((await send(url, 'GET', '/__mock/requests')).body.toy.map((e: { operation_id: string }) => e.operation_id)).toContain('listWidgets');

    expect((await send(url, 'POST', '/__mock/reset')).status).toBe(204);
    expect((await send(url, 'GET', '/__mock/toy/widgets')).body.widgets.map((w: { name: string }) => w.name)).toEqual(['demo', 'seeded']);
  });

  it('a bug in a family (a TypeError that is not an InputError) is a 500, not a 400 blaming the caller', async () => {
    const reply = await send(url, 'POST', '/__mock/toy/widgets', { headers: { 'content-type': 'application/json' }, body: '{"explode":true}' });
    expect(reply.status).toBe(500);
  });

  it('shows up in the banner, the shell exports and the help', () => {
    const banner = formatBanner({ version: '0', url, credentials: server.credentials, clock: 'system', graceMs: 1, propagationMs: 1, revokedKeyStatus: 401, families });
    expect(banner).toContain(`Toy API             ${url}/toy/v1/widgets/{id}`);
    expect(banner).toContain(`Toy widget              id ${server.credentials.demo!.widget.id}`);
    expect(banner.trimEnd().split('\n').at(-1)).toContain(`TOY_WIDGET_ID=${server.credentials.demo!.widget.id}`);
    expect(helpText(families)).toContain('the Toy widgets API');
  });

  it('refuses a bad seed section before serving, naming the entry', () => {
    expect(() => createMockServer({ families, seed: { toy: { widgets: [{ name: 2 }] } } })).toThrow(/toy\.widgets\[0\]\.name/);
  });
});

describe('a toy family through MSW', () => {
  const toy = createToyCore(createClock('frozen'));
  const msw = setupServer(...createMswHandlers(toy, toyFamily.baseUrls));
  beforeAll(() => msw.listen(onUnhandled('error')));
  afterAll(() => msw.close());

  it('answers from the same core, query string included', async () => {
    const widget = toy.seed.widget({ name: 'a' });
    toy.seed.widget({ name: 'b' });
    const listed = await (await fetch('https://toy.example/toy/v1/widgets?name=a')).json();
    expect(listed).toEqual({ widgets: [widget] });
    expect((await fetch(`https://toy.example/toy/v1/widgets/${widget.id}/poke`, { method: 'POST' })).status).toBe(200);
    expect(toy.requests.map((entry) => entry.operationId)).toEqual(['listWidgets', 'pokeWidget']);
  });
});
