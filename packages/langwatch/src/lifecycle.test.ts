// The whole lifecycle (issue 18): list, get, create, update of virtual keys; list and create of
// API keys. Request lines, headers and bodies; which failures each method retries; how the
// error bodies of these routes read.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchFailed, json } from '@revokit/runtime/testing/fake-fetch';
import { attemptsFor, failures, rejectionAfterRetries } from '@revokit/runtime/testing/failures';
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  ResponseValidationError,
  UnprocessableEntityError,
  createLangWatchClient,
  type LangWatchClient,
} from './index.js';
import { langwatchValidators } from './validators.js';
import {
  ADMIN_KEY,
  BASE_URL,
  MINTED_SECRET,
  PROJECT_KEY,
  apiKeysBody,
  createdApiKey,
  createdKey,
  getBody,
  listBody,
  updateBody,
} from './testing/fixtures.js';
import { setup } from './testing/setup.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});


const VK = `${BASE_URL}/api/gateway/v1/virtual-keys`;
const newKey = { name: 'checkout', provider_credential_ids: ['pc_openai', 'pc_azure'] };
const newApiKey = { name: 'deploy bot', keyType: 'service', projectIds: ['project_1'] } as const;

type Method = 'virtualKeys.list' | 'virtualKeys.get' | 'virtualKeys.create' | 'virtualKeys.update' | 'apiKeys.list' | 'apiKeys.create';
const calls: Record<Method, (lw: LangWatchClient, options?: { maxRetries?: number; timeoutMs?: number }) => Promise<unknown>> = {
  'virtualKeys.list': (lw, options) => lw.virtualKeys.list(options),
  'virtualKeys.get': (lw, options) => lw.virtualKeys.get('vk_1', options),
  'virtualKeys.create': (lw, options) => lw.virtualKeys.create(newKey, options),
  'virtualKeys.update': (lw, options) => lw.virtualKeys.update('vk_1', { name: 'renamed' }, options),
  'apiKeys.list': (lw, options) => lw.apiKeys.list(options),
  'apiKeys.create': (lw, options) => lw.apiKeys.create(newApiKey, options),
};
const okReply: Record<Method, () => Response> = {
  'virtualKeys.list': () => json(200, listBody),
  'virtualKeys.get': () => json(200, getBody),
  'virtualKeys.create': () => json(201, createdKey),
  'virtualKeys.update': () => json(200, updateBody),
  'apiKeys.list': () => json(200, apiKeysBody),
  'apiKeys.create': () => json(201, createdApiKey),
};
const METHODS = Object.keys(calls) as Method[];

describe('requests', () => {
  it('virtualKeys.list: GET with the project key, no body, resolving to { data }', async () => {
    const { fetch, lw } = setup([json(200, listBody)]);
    await expect(lw.virtualKeys.list()).resolves.toEqual(listBody);
    const [request] = fetch.requests;
    expect(request).toMatchObject({ method: 'GET', url: VK, body: '' });
    expect(request!.headers.get('x-auth-token')).toBe(PROJECT_KEY);
    expect(request!.headers.get('authorization')).toBeNull();
    expect(request!.headers.get('content-type')).toBeNull();
  });

  it('virtualKeys.get: GET …/{id}, the id one encoded segment, resolving to { virtual_key }', async () => {
    const { fetch, lw } = setup([json(200, getBody)]);
    await expect(lw.virtualKeys.get('vk_1')).resolves.toEqual(getBody);
    await lw.virtualKeys.get('a/b?c#d');
    expect(fetch.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([`GET ${VK}/vk_1`, `GET ${VK}/a%2Fb%3Fc%23d`]);
    expect(fetch.requests[0]!.headers.get('x-auth-token')).toBe(PROJECT_KEY);
  });

  it('virtualKeys.create: POST the input as JSON, resolving to { virtual_key, secret }', async () => {
    const { fetch, lw } = setup([json(201, createdKey)]);
    const input = { ...newKey, description: 'per customer', environment: 'test', config: { cache: { mode: 'force' } } } as const;
    const created = await lw.virtualKeys.create(input);
    expect(created).toEqual(createdKey);
    expect(created.secret).toBe(MINTED_SECRET);
    const [request] = fetch.requests;
    expect(request).toMatchObject({ method: 'POST', url: VK });
    expect(JSON.parse(request!.body)).toEqual(input);
    expect(request!.headers.get('content-type')).toBe('application/json');
    expect(request!.headers.get('x-auth-token')).toBe(PROJECT_KEY);
  });

  it('virtualKeys.create: fields given as undefined are left out of the body', async () => {
    const { fetch, lw } = setup([json(201, createdKey)]);
    const description: string | undefined = undefined;
    await lw.virtualKeys.create({ ...newKey, description, principal_user_id: null, config: { metadata: { label: undefined, tags: ['a'] } } });
    expect(fetch.requests[0]!.body).toBe('{"name":"checkout","provider_credential_ids":["pc_openai","pc_azure"],"principal_user_id":null,"config":{"metadata":{"tags":["a"]}}}');
  });

  it('virtualKeys.update: PATCH …/{id} with only the fields given, resolving to { virtual_key }', async () => {
    const { fetch, lw } = setup([json(200, updateBody)]);
    await expect(lw.virtualKeys.update('vk 1', { name: 'renamed', description: null })).resolves.toEqual(updateBody);
    const [request] = fetch.requests;
    expect(request).toMatchObject({ method: 'PATCH', url: `${VK}/vk%201`, body: '{"name":"renamed","description":null}' });
    expect(request!.headers.get('content-type')).toBe('application/json');
    expect(request!.headers.get('x-auth-token')).toBe(PROJECT_KEY);
  });

  it('apiKeys.list: GET /api/api-keys with the admin key as a bearer token, resolving to { data }', async () => {
    const { fetch, lw } = setup([json(200, apiKeysBody)]);
    await expect(lw.apiKeys.list()).resolves.toEqual(apiKeysBody);
    const [request] = fetch.requests;
    expect(request).toMatchObject({ method: 'GET', url: `${BASE_URL}/api/api-keys`, body: '' });
    expect(request!.headers.get('authorization')).toBe(`Bearer ${ADMIN_KEY}`);
    expect(request!.headers.get('x-auth-token')).toBeNull();
  });

  it('apiKeys.create: POST the input as JSON with the admin key, resolving to { token, apiKey }', async () => {
    const { fetch, lw } = setup([json(201, createdApiKey)]);
    const personal = { name: 'alice laptop', bindings: [{ role: 'MEMBER', scopeType: 'PROJECT', scopeId: 'project_1' }], expiresAt: '2026-01-01T00:00:00Z' } as const;
    await expect(lw.apiKeys.create(personal)).resolves.toEqual(createdApiKey);
    const [request] = fetch.requests;
    expect(request).toMatchObject({ method: 'POST', url: `${BASE_URL}/api/api-keys` });
    expect(JSON.parse(request!.body)).toEqual(personal);
    // Without it, the service's validator reads no body at all (422 "Required" on name).
    expect(request!.headers.get('content-type')).toBe('application/json');
    expect(request!.headers.get('authorization')).toBe(`Bearer ${ADMIN_KEY}`);
    expect(request!.headers.get('x-auth-token')).toBeNull();
  });

  it('refuses redirects, with a body too', async () => {
    const seen = vi.fn();
    const lw = createLangWatchClient({
      apiKey: PROJECT_KEY,
      fetch: async (input, init) => (seen(new Request(input, init).redirect), json(201, createdKey)),
    });
    await lw.virtualKeys.create(newKey);
    expect(seen).toHaveBeenCalledWith('error');
  });
});

describe('checks before any request', () => {
  it.each([
    ['virtualKeys.list', 'apiKey'],
    ['virtualKeys.get', 'apiKey'],
    ['virtualKeys.create', 'apiKey'],
    ['virtualKeys.update', 'apiKey'],
    ['apiKeys.list', 'adminApiKey'],
    ['apiKeys.create', 'adminApiKey'],
  ] as const)('%s needs the %s option', async (method, option) => {
    const { fetch, lw } = setup([okReply[method]()], { [option]: undefined });
    await expect(calls[method](lw)).rejects.toThrow(new RegExp(`^${method.replace('.', '\\.')} needs the ${option} option`));
    expect(fetch.requests).toHaveLength(0);
  });

  it.each([undefined, null, 'name=x', ['x'], 42])('a body that is not an object (%j) is a TypeError', async (input) => {
    const { fetch, lw } = setup([json(201, createdKey)]);
    await expect(lw.virtualKeys.create(input as never)).rejects.toThrow(new TypeError('virtualKeys.create takes an object as its request body'));
    await expect(lw.virtualKeys.update('vk_1', input as never)).rejects.toThrow(new TypeError('virtualKeys.update takes an object as its request body'));
    await expect(lw.apiKeys.create(input as never)).rejects.toThrow(new TypeError('apiKeys.create takes an object as its request body'));
    expect(fetch.requests).toHaveLength(0);
  });

  it('a body JSON cannot carry (a BigInt, a cycle) is a TypeError', async () => {
    const { fetch, lw } = setup([json(201, createdKey)]);
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    await expect(lw.virtualKeys.create({ ...newKey, config: { rateLimits: { rpm: 1n as never } } })).rejects.toThrow(TypeError);
    await expect(lw.virtualKeys.update('vk_1', cyclic as never)).rejects.toThrow(TypeError);
    expect(fetch.requests).toHaveLength(0);
  });

  it.each(['', '.', '..', undefined, PROJECT_KEY, 'lw_vk_live_x', 'vk-lw-01JZ8Q4TS6M2C9X7R5BNWPHKDE'])('get and update refuse the id %j (an undefined id never falls through to the list route)', async (id) => {
    const { fetch, lw } = setup([json(200, listBody)]);
    await expect(lw.virtualKeys.get(id as string)).rejects.toThrow(TypeError);
    await expect(lw.virtualKeys.update(id as string, { name: 'x' })).rejects.toThrow(TypeError);
    expect(fetch.requests).toHaveLength(0);
  });

  it('per-call options are checked too', async () => {
    const { fetch, lw } = setup([json(201, createdKey)]);
    await expect(lw.virtualKeys.create(newKey, { timeoutMs: 0 })).rejects.toThrow(RangeError);
    await expect(lw.apiKeys.list({ maxRetries: -1 })).rejects.toThrow(RangeError);
    expect(fetch.requests).toHaveLength(0);
  });
});

describe('retries', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  const reads: Method[] = ['virtualKeys.list', 'virtualKeys.get', 'apiKeys.list'];
  const writes: Method[] = ['virtualKeys.create', 'virtualKeys.update', 'apiKeys.create'];
  const matrix = Object.keys(failures).flatMap((failure) => [
    ...reads.map((method) => [method, failure, attemptsFor('idempotent', failure)] as const),
    ...writes.map((method) => [method, failure, attemptsFor('unsent-only', failure)] as const),
  ]);

  it.each(matrix)('%s on %s: %i attempt(s), then the error', async (method, failure, attempts) => {
    const { fetch, lw } = setup([failures[failure]!()], { timeoutMs: 1000 });
    const error = await rejectionAfterRetries(calls[method](lw));
    expect(fetch.requests).toHaveLength(attempts);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TypeError);
  });

  it.each(writes)('%s: a retry after a refused connection sends the same body again, and its answer is the result', async (method) => {
    const { fetch, lw } = setup([fetchFailed('ECONNREFUSED'), okReply[method]()]);
    const result = calls[method](lw);
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual(await okReply[method]().json());
    expect(fetch.requests).toHaveLength(2);
    expect(fetch.requests[1]!.body).toBe(fetch.requests[0]!.body);
    expect(fetch.requests[0]!.body).not.toBe('');
  });

  it.each(reads)('%s succeeds when a retry does', async (method) => {
    const { fetch, lw } = setup([json(503, { error: 'unavailable' }), okReply[method]()]);
    const result = calls[method](lw);
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual(await okReply[method]().json());
    expect(fetch.requests).toHaveLength(2);
  });

  it.each(writes)('%s is not retried whatever maxRetries says, once the request may have arrived', async (method) => {
    for (const reply of [json(500, { error: 'x' }), json(429, { error: 'x' }, { 'retry-after': '0' }), 'hang' as const, fetchFailed('ECONNRESET')]) {
      const { fetch, lw } = setup([reply, okReply[method]()], { timeoutMs: 100, maxRetries: 5 });
      const result = calls[method](lw).catch((e: unknown) => e);
      await vi.runAllTimersAsync();
      expect(await result).toBeInstanceOf(Error);
      expect(fetch.requests).toHaveLength(1);
    }
  });

  it('maxRetries bounds the never-sent retries of a create too', async () => {
    const { fetch, lw } = setup([fetchFailed('ECONNREFUSED')]);
    const result = lw.virtualKeys.create(newKey, { maxRetries: 4 }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await result).toMatchObject({ name: 'ApiConnectionError' });
    expect(fetch.requests).toHaveLength(5);
    const none = setup([fetchFailed('ECONNREFUSED')], { maxRetries: 0 });
    await expect(none.lw.apiKeys.create(newApiKey)).rejects.toMatchObject({ name: 'ApiConnectionError' });
    expect(none.fetch.requests).toHaveLength(1);
  });

  it('a 409 on a retried create is a ConflictError (only the admin revoke reads it as success)', async () => {
    const { lw } = setup([fetchFailed('ECONNREFUSED'), json(409, { error: 'Conflict', message: 'Unique constraint violated on projectId, name' })]);
    const result = lw.virtualKeys.create(newKey).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await result).toBeInstanceOf(ConflictError);
  });
});

describe('error bodies of these routes', () => {
  // zod 3's ZodError.message, as the spec-era create route sends it (research/lifecycle.md §3.2).
  const zodIssues = (issues: object[]) => JSON.stringify(issues, null, 2);

  it('create 400, nested envelope with a zod issue list: code and a message naming each field', async () => {
    const message = zodIssues([
      { code: 'invalid_type', expected: 'string', received: 'undefined', path: ['name'], message: 'Required' },
      { code: 'too_small', minimum: 1, type: 'array', inclusive: true, exact: false, message: 'Array must contain at least 1 element(s)', path: ['provider_credential_ids'] },
    ]);
    const body = { error: { type: 'bad_request', code: 'validation_error', message } };
    const { lw } = setup([json(400, body)]);
    const error = await lw.virtualKeys.create({ name: '', provider_credential_ids: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_error',
      message: 'name: Required; provider_credential_ids: Array must contain at least 1 element(s)',
      body,
    });
  });

  it('an issue about the body itself, or at a nested path', async () => {
    const body = (issues: object[]) => ({ error: { type: 'bad_request', code: 'validation_error', message: zodIssues(issues) } });
    const { lw } = setup([
      json(400, body([{ code: 'invalid_type', expected: 'object', received: 'null', path: [], message: 'Expected object, received null' }])),
      json(400, body([{ received: 'fast', code: 'invalid_enum_value', options: ['respect'], path: ['config', 'cache', 'mode'], message: "Invalid enum value. Expected 'respect', received 'fast'" }])),
    ]);
    await expect(lw.virtualKeys.update('vk_1', {})).rejects.toMatchObject({ message: 'Expected object, received null' });
    await expect(lw.virtualKeys.update('vk_1', {})).rejects.toMatchObject({ message: "config.cache.mode: Invalid enum value. Expected 'respect', received 'fast'" });
  });

  it('a nested message that is plain text (or looks like JSON but is not an issue list) is kept as it is', async () => {
    const revoked = { error: { type: 'bad_request', code: 'bad_request', message: 'Cannot update a revoked virtual key' } };
    const bracketed = { error: { type: 'bad_request', code: 'bad_request', message: '[1,2]' } };
    const broken = { error: { type: 'bad_request', code: 'bad_request', message: '[not json' } };
    const { lw } = setup([json(400, revoked), json(400, bracketed), json(400, broken)]);
    await expect(lw.virtualKeys.update('vk_1', { name: 'x' })).rejects.toMatchObject({ code: 'bad_request', message: 'Cannot update a revoked virtual key' });
    await expect(lw.virtualKeys.update('vk_1', { name: 'x' })).rejects.toMatchObject({ message: '[1,2]' });
    await expect(lw.virtualKeys.update('vk_1', { name: 'x' })).rejects.toMatchObject({ message: '[not json' });
  });

  it('a path that is not one (objects, a hostile toString) is left out rather than crash the call', async () => {
    const hostile: unknown[] = [{ toString: 1 }, { valueOf: null }];
    const { lw } = setup([
      json(422, { error: 'Unprocessable Entity', message: 'Required', path: hostile }),
      json(400, { error: { type: 'bad_request', code: 'validation_error', message: JSON.stringify([{ message: 'Required', path: hostile }]) } }),
      json(422, { error: 'Unprocessable Entity', message: 'Required', path: 'name' }),
    ]);
    await expect(lw.apiKeys.create({ name: 'k' })).rejects.toMatchObject({ name: 'UnprocessableEntityError', message: 'Required' });
    await expect(lw.virtualKeys.create(newKey)).rejects.toMatchObject({ name: 'BadRequestError', message: 'Required' });
    await expect(lw.apiKeys.create({ name: 'k' })).rejects.toMatchObject({ name: 'UnprocessableEntityError', message: 'Required' });
  });

  it('get 404, nested: NotFoundError with the code and message of the envelope', async () => {
    const body = { error: { type: 'not_found', code: 'virtual_key_not_found', message: 'virtual key not found' } };
    const { lw } = setup([json(404, body)]);
    const error = await lw.virtualKeys.get('vk_missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 'virtual_key_not_found', message: 'virtual key not found', body });
  });

  it('update 404, flat (like revoke and rotate): NotFoundError', async () => {
    const { lw } = setup([json(404, { error: 'Virtual key not found', message: 'Virtual key not found' })]);
    await expect(lw.virtualKeys.update('vk_missing', { name: 'x' })).rejects.toMatchObject({ name: 'NotFoundError', code: 'Virtual key not found', message: 'Virtual key not found' });
  });

  it('create 409, a name already used in the project: ConflictError', async () => {
    const body = { error: 'Conflict', message: 'Unique constraint violated on projectId, name' };
    const { lw } = setup([json(409, body)]);
    const error = await lw.virtualKeys.create(newKey).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'Conflict', message: 'Unique constraint violated on projectId, name', body });
  });

  it('API-key create 422 { error, message, path }: the message names the field', async () => {
    const { lw } = setup([
      json(422, { error: 'Unprocessable Entity', message: 'bindings are required for personal keys', path: ['bindings'] }),
      json(422, { error: 'Unprocessable Entity', message: "Invalid enum value. Expected 'ADMIN' | 'MEMBER' | 'VIEWER', received 'CUSTOM'", path: ['bindings', 0, 'role'] }),
      json(422, { error: 'Unprocessable Entity', message: 'Expected object, received null', path: [] }),
    ]);
    const error = await lw.apiKeys.create({ name: 'k' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ status: 422, code: 'Unprocessable Entity', message: 'bindings: bindings are required for personal keys' });
    await expect(lw.apiKeys.create({ name: 'k' })).rejects.toMatchObject({ message: "bindings[0].role: Invalid enum value. Expected 'ADMIN' | 'MEMBER' | 'VIEWER', received 'CUSTOM'" });
    await expect(lw.apiKeys.create({ name: 'k' })).rejects.toMatchObject({ message: 'Expected object, received null' });
  });

  it('API-key 403s: PermissionDeniedError with the flat envelope', async () => {
    const { lw } = setup([
      json(403, { error: 'Forbidden', message: 'Insufficient permissions. Required: organization:view' }),
      json(403, { error: 'Forbidden', message: 'Cannot create API key with ADMIN permissions — exceeds your own access at org:org_1' }),
    ]);
    await expect(lw.apiKeys.list()).rejects.toMatchObject({ name: 'PermissionDeniedError', code: 'Forbidden', message: 'Insufficient permissions. Required: organization:view' });
    const error = await lw.apiKeys.create({ name: 'k', bindings: [{ role: 'ADMIN', scopeType: 'ORGANIZATION', scopeId: 'org_1' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
  });

  it('the spec-era 500 of create with an unknown provider credential', async () => {
    const body = { error: 'Internal server error', message: 'One or more provider credentials do not belong to this project or are disabled (BAD_REQUEST) [TRPCError]' };
    const { lw } = setup([json(500, body)]);
    await expect(lw.virtualKeys.create(newKey)).rejects.toMatchObject({ name: 'InternalServerError', code: 'Internal server error', message: body.message });
  });
});

describe('validators', () => {
  it('pass the good answers of every new operation', async () => {
    const { lw } = setup(METHODS.map((method) => okReply[method]()), { validators: langwatchValidators });
    for (const method of METHODS) await expect(calls[method](lw)).resolves.toBeDefined();
  });

  it.each([
    ['virtualKeys.list', json(200, { data: [{ ...listBody.data[0], status: 'ACTIVE' }] }), 'data[0].status'],
    ['virtualKeys.get', json(200, { virtual_key: { ...getBody.virtual_key, revision: 2 } }), 'virtual_key.revision'],
    ['virtualKeys.create', json(201, { virtual_key: createdKey.virtual_key }), 'secret'],
    ['virtualKeys.update', json(200, {}), 'virtual_key'],
    ['apiKeys.list', json(200, { data: [{ ...apiKeysBody.data[0], createdAt: 'yesterday' }] }), 'data[0].createdAt'],
    ['apiKeys.create', json(201, { apiKey: createdApiKey.apiKey }), 'token'],
  ] as const)('%s: a bad answer is a ResponseValidationError at %s', async (method, reply, path) => {
    const { lw } = setup([reply], { validators: langwatchValidators });
    const error = await calls[method](lw).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ path });
  });

  it('validators accept a listed binding with the role CUSTOM (a key made in the UI\'s restricted mode), and nothing beyond', async () => {
    const withRole = (role: string) => json(200, { data: [{ ...apiKeysBody.data[0], roleBindings: [{ id: 'rb_1', role, scopeType: 'PROJECT', scopeId: 'project_1' }] }] });
    const { lw } = setup([withRole('CUSTOM'), withRole('OWNER')], { validators: langwatchValidators });
    await expect(lw.apiKeys.list()).resolves.toMatchObject({ data: [{ roleBindings: [{ role: 'CUSTOM' }] }] });
    await expect(lw.apiKeys.list()).rejects.toMatchObject({ path: 'data[0].roleBindings[0].role' });
  });

  it('a create answered 200 instead of 201 is not what the spec promises', async () => {
    const { lw } = setup([json(200, createdKey)], { validators: langwatchValidators });
    const error = (await lw.virtualKeys.create(newKey).catch((e: unknown) => e)) as ResponseValidationError;
    expect(error.message).toBe('postApiGatewayV1Virtual-keys: response 200 is invalid at (body): status 200 is not documented for this operation');
    // The app can still recover the secret it would otherwise lose.
    expect(error.body).toEqual(createdKey);
  });
});
