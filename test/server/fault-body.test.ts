// A fault can fake what a proxy in front of the API would answer: its own status, its own
// Content-Type and a raw text body (an HTML 502), over HTTP and through MSW alike.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVineMock, onUnhandled } from '@revokit/mock';
import { useServer } from './support/server.js';

const REVOKE = 'postApiV1KeysByIdRevoke';
const PROXY_PAGE = '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>';

describe('over HTTP', () => {
  const api = useServer();
  const revoke = () => api.post(`/api/v1/keys/${api.server.credentials.demo!.vine_key.id}/revoke`);

  it('status + content-type + body: the page as is, once; then the API again', async () => {
    const fault = { operation_id: REVOKE, status: 502, headers: { 'content-type': 'text/html' }, body: PROXY_PAGE };
    const queued = await api.post('/__mock/faults', fault);
    expect(queued).toMatchObject({ status: 201, body: { ...fault, times: 1 } });
    expect((await api.get('/__mock/faults')).body.faults).toEqual([{ ...fault, times: 1 }]);

    const faked = await revoke();
    expect(faked.status).toBe(502);
    expect(faked.headers['content-type']).toBe('text/html');
    expect(faked.headers['content-length']).toBe(String(Buffer.byteLength(PROXY_PAGE)));
    expect(faked.headers['access-control-allow-origin']).toBe('*');
    expect(faked.text).toBe(PROXY_PAGE);
    expect((await revoke()).status).toBe(200);
  });

  it('a body without content-type is plain text', async () => {
    await api.post('/__mock/faults', { operation_id: REVOKE, status: 503, body: 'upstream connect error' });
    const faked = await revoke();
    expect(faked).toMatchObject({ status: 503, text: 'upstream connect error' });
    expect(faked.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('content-type alone relabels the API\'s envelope instead of being dropped', async () => {
    await api.post('/__mock/faults', { operation_id: REVOKE, status: 500, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    const faked = await revoke();
    expect(faked.status).toBe(500);
    expect(faked.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(JSON.parse(faked.text)).toEqual({ error: { code: 'internal_error', message: 'Injected fault: HTTP 500' } });
  });

  it.each([
    [{ operation_id: REVOKE, body: '<html/>' }, 'body', /body needs status/],
    [{ operation_id: REVOKE, drop_response: true, body: '<html/>' }, 'body', /body needs status/],
    [{ operation_id: REVOKE, status: 502, body: 42 }, 'body', /must be a string/],
    [{ operation_id: REVOKE, status: 502, headers: { 'Content-Length': '3' }, body: 'abc' }, 'headers.Content-Length', /frames the response/],
  ])('%j → 400 naming %s, nothing queued', async (body, field, message) => {
    const reply = await api.post('/__mock/faults', body);
    expect(reply.status).toBe(400);
    expect(reply.body.field).toBe(field);
    expect(reply.body.message).toMatch(message);
    expect((await api.get('/__mock/faults')).body).toEqual({ faults: [] });
  });
});

describe('through MSW', () => {
  const vine = createVineMock();
  const server = setupServer(...vine.handlers);
  beforeAll(() => server.listen(onUnhandled('error')));
  afterAll(() => server.close());

  it('the same fault answers the same page', async () => {
    const key = vine.seed.key();
    vine.faults.next(REVOKE, { status: 502, headers: { 'content-type': 'text/html' }, body: PROXY_PAGE });
    const faked = await fetch(`https://vine.getcourtyard.ai/api/v1/keys/${key.id}/revoke`, { method: 'POST' });
    expect(faked.status).toBe(502);
    expect(faked.headers.get('content-type')).toBe('text/html');
    expect(await faked.text()).toBe(PROXY_PAGE);
    vine.faults.next(REVOKE, { status: 503, body: 'busy' });
    const plain = await fetch(`https://vine.getcourtyard.ai/api/v1/keys/${key.id}/revoke`, { method: 'POST' });
    expect(plain.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await plain.text()).toBe('busy');
  });

  it('the core refuses a body without a status', () => {
    expect(() => vine.faults.next(REVOKE, { body: 'x' })).toThrow(/fault.body needs fault.status/);
  });
});
