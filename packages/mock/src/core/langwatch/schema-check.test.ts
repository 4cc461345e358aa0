// The mock checks LangWatch request bodies with its own small checker (schema-check.ts), because
// the messages clients see are zod 3's. This holds it to zod 3.25.76 itself, the version the
// service ran at 3dca0f685f, on the schemas the service validates with (written here from
// gateway-platform/[[...route]]/app.ts:217-231, virtualKey.config.ts:34-102 and
// api-keys/[[...route]]/app.ts:26-45): same verdict, same issues in the same order, same parsed value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod3';
import { readCreateApiKeyBody } from './api-key-body.js';
import { readCreateBody, readUpdateBody } from './virtual-key-body.js';
import { defaultConfig, mergeConfig } from './virtual-key-config.js';

const guardrailRef = z.object({ id: z.string(), evaluator: z.string() });
const policyRule = z.object({ deny: z.array(z.string()).default([]), allow: z.array(z.string()).nullable().default(null) });
const config = z.object({
  modelAliases: z.record(z.string(), z.string()).default({}),
  modelsAllowed: z.array(z.string()).nullable().default(null),
  cache: z.object({ mode: z.enum(['respect', 'force', 'disable']).default('respect'), ttlS: z.number().int().nonnegative().default(3600) }).default({ mode: 'respect', ttlS: 3600 }),
  fallback: z
    .object({
      on: z.array(z.enum(['5xx', 'timeout', 'rate_limit_exceeded', 'network_error', 'circuit_breaker'])).default(['5xx', 'timeout', 'rate_limit_exceeded']),
      timeoutMs: z.number().int().positive().default(30000),
      maxAttempts: z.number().int().positive().default(3),
    })
    .default({ on: ['5xx', 'timeout', 'rate_limit_exceeded'], timeoutMs: 30000, maxAttempts: 3 }),
  guardrails: z
    .object({
      pre: z.array(guardrailRef).default([]),
      post: z.array(guardrailRef).default([]),
      streamChunk: z.array(guardrailRef).default([]),
      requestFailOpen: z.boolean().default(false),
      responseFailOpen: z.boolean().default(false),
    })
    .default({ pre: [], post: [], streamChunk: [], requestFailOpen: false, responseFailOpen: false }),
  policyRules: z
    .object({
      tools: policyRule.default({ deny: [], allow: null }),
      mcp: policyRule.default({ deny: [], allow: null }),
      urls: policyRule.default({ deny: [], allow: null }),
      models: policyRule.default({ deny: [], allow: null }),
    })
    .default({ tools: { deny: [], allow: null }, mcp: { deny: [], allow: null }, urls: { deny: [], allow: null }, models: { deny: [], allow: null } }),
  rateLimits: z.object({ rpm: z.number().int().nullable().default(null), tpm: z.number().int().nullable().default(null), rpd: z.number().int().nullable().default(null) }).default({ rpm: null, tpm: null, rpd: null }),
  metadata: z.object({ label: z.string().optional(), tags: z.array(z.string()).default([]) }).default({ tags: [] }),
});
const createVirtualKey = z.object({
  name: z.string().min(1).max(128),
  description: z.string().optional(),
  environment: z.enum(['live', 'test']).default('live'),
  principal_user_id: z.string().nullable().optional(),
  provider_credential_ids: z.array(z.string()).min(1),
  config: config.partial().optional(),
});
const updateVirtualKey = z.object({
  name: z.string().min(1).max(128).optional(),
  description: z.string().nullable().optional(),
  provider_credential_ids: z.array(z.string()).min(1).optional(),
  config: config.partial().optional(),
});
const binding = z.object({ role: z.enum(['ADMIN', 'MEMBER', 'VIEWER']), scopeType: z.enum(['ORGANIZATION', 'TEAM', 'PROJECT']), scopeId: z.string().min(1) });
const createApiKey = z
  .object({
    keyType: z.enum(['personal', 'service']).default('personal'),
    name: z.string().min(1).max(100),
    description: z.string().max(500).optional(),
    expiresAt: z.coerce.date().optional(),
    bindings: z.array(binding).max(20).optional(),
    projectIds: z.array(z.string().min(1)).max(50).optional(),
  })
  .refine((d) => d.keyType === 'service' || (d.bindings && d.bindings.length > 0), { message: 'bindings are required for personal keys', path: ['bindings'] })
  .refine((d) => d.keyType === 'service' || !d.projectIds || d.projectIds.length === 0, { message: 'projectIds is only supported for service keys; use bindings instead', path: ['projectIds'] });

// Values near each field's rules, and anything else JSON can hold.
const anything = fc.jsonValue({ maxDepth: 2 });
const near = <T>(...choices: fc.Arbitrary<T>[]) => fc.oneof({ weight: 4, arbitrary: fc.oneof(...choices) }, { weight: 1, arbitrary: anything as fc.Arbitrary<unknown> });
const text = (max: number) => fc.oneof(fc.constant(''), fc.string({ maxLength: 8 }), fc.string({ minLength: max - 1, maxLength: max + 1 }));
const int = fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constantFrom(0.5, -1.5, 30000));
const strings = fc.array(near(fc.string({ maxLength: 4 })), { maxLength: 3 });
const section = <T>(shape: Record<string, fc.Arbitrary<T>>) => near(fc.record(shape, { requiredKeys: [] }));
const configArb = near(
  fc.record(
    {
      modelAliases: near(fc.dictionary(fc.string({ maxLength: 3 }), near(fc.string({ maxLength: 3 })), { maxKeys: 2 })),
      modelsAllowed: near(fc.constant(null), strings),
      cache: section({ mode: near(fc.constantFrom('respect', 'force', 'disable', 'x')), ttlS: near(int) }),
      fallback: section({ on: fc.array(near(fc.constantFrom('5xx', 'timeout', 'bad')), { maxLength: 2 }), timeoutMs: near(int), maxAttempts: near(int) }),
      guardrails: section({ pre: fc.array(near(fc.record({ id: near(fc.string()), evaluator: near(fc.string()) }, { requiredKeys: [] })), { maxLength: 2 }), requestFailOpen: near(fc.boolean()) }),
      policyRules: section({ tools: section({ deny: near(strings), allow: near(fc.constant(null), strings) }) }),
      rateLimits: section({ rpm: near(fc.constant(null), int), tpm: near(fc.constant(null), int) }),
      metadata: section({ label: near(fc.string()), tags: near(strings) }),
      model_aliases: anything,
    },
    { requiredKeys: [] },
  ),
);
const virtualKeyBody = near(
  fc.record(
    {
      name: near(text(128)),
      description: near(fc.constant(null), fc.string({ maxLength: 5 })),
      environment: near(fc.constantFrom('live', 'test', 'prod')),
      principal_user_id: near(fc.constant(null), fc.string({ maxLength: 5 })),
      provider_credential_ids: near(fc.array(near(fc.string({ maxLength: 4 })), { maxLength: 3 })),
      config: configArb,
      unknown_field: anything,
    },
    { requiredKeys: [] },
  ),
);
const apiKeyBody = near(
  fc.record(
    {
      keyType: near(fc.constantFrom('personal', 'service', 'bot')),
      name: near(text(100)),
      description: near(text(500)),
      expiresAt: near(fc.constantFrom('2030-01-01T00:00:00Z', 'tomorrow', '2030-02-30', null, 0, true)),
      bindings: near(
        fc.array(near(fc.record({ role: near(fc.constantFrom('ADMIN', 'MEMBER', 'VIEWER', 'CUSTOM')), scopeType: near(fc.constantFrom('ORGANIZATION', 'TEAM', 'PROJECT')), scopeId: near(text(5)) }, { requiredKeys: [] })), { maxLength: 21 }),
      ),
      projectIds: near(fc.array(near(text(3)), { maxLength: 51 })),
    },
    { requiredKeys: [] },
  ),
);

const message = (error: unknown) => (error as { body: { error: { message: string } } }).body.error.message;

describe('virtual-key bodies, against zod 3', () => {
  it.each([
    ['{}', {}],
    ['empty name and chain', { name: '', provider_credential_ids: [] }],
    ['an unknown environment', { name: 'x', provider_credential_ids: ['a'], environment: 'prod' }],
    ['a body that is null', null],
    ['a body that is an array', []],
    ['every config section wrong', { name: 'x', provider_credential_ids: ['a'], config: { cache: { mode: 'x', ttlS: -1.5 }, fallback: { on: ['bad'], timeoutMs: 0 }, modelAliases: { a: 1 }, rateLimits: { rpm: 1.2 } } }],
  ])('create: %s', (_label, body) => {
    const zod = createVirtualKey.safeParse(body);
    const mock = readCreateBody(JSON.stringify(body));
    expect(zod.success).toBe(false);
    expect(message(mock.error)).toBe(zod.error!.message);
  });

  it('create and update: the same verdict, issues and values for generated bodies', () => {
    fc.assert(
      fc.property(virtualKeyBody, (body) => {
        for (const [schema, read] of [
          [createVirtualKey, readCreateBody],
          [updateVirtualKey, readUpdateBody],
        ] as const) {
          const zod = schema.safeParse(body);
          const mock = read(JSON.stringify(body));
          if (!zod.success) {
            expect(message(mock.error)).toBe(zod.error.message);
            continue;
          }
          expect(mock.error).toBeUndefined();
          const { config: patch, ...rest } = zod.data as { config?: Record<string, unknown> };
          const { config: mockPatch, ...mockRest } = mock.body! as { config?: Record<string, unknown> };
          expect(mockRest).toEqual(rest);
          expect(mergeConfig(defaultConfig(), mockPatch)).toEqual(config.parse({ ...config.parse({}), ...patch }));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('answers a body that is not JSON with 400 malformed_request (the spec-era route threw a 500)', () => {
    expect(readCreateBody('{"name":').error).toEqual({ status: 400, body: { error: { type: 'bad_request', code: 'malformed_request', message: 'The request body could not be parsed.' } } });
    expect(readUpdateBody(undefined).error?.body.error.code).toBe('malformed_request');
  });
});

describe('admin API-key bodies, against zod 3 (the first issue)', () => {
  it('the same verdict and first issue for generated bodies', () => {
    fc.assert(
      fc.property(apiKeyBody, (body) => {
        const zod = createApiKey.safeParse(body);
        const mock = readCreateApiKeyBody({ 'content-type': 'application/json' }, JSON.stringify(body));
        if (zod.success) {
          expect(mock.error).toBeUndefined();
          expect(mock.body!.expiresAt).toBe(zod.data.expiresAt?.getTime());
        } else {
          const [issue] = zod.error.issues;
          expect(mock.error).toEqual({ status: 422, body: { error: 'Unprocessable Entity', message: issue!.message, path: issue!.path } });
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reads a body without a JSON Content-Type as {}, as Hono does', () => {
    const mock = readCreateApiKeyBody({ 'content-type': 'text/plain' }, JSON.stringify({ name: 'k', keyType: 'service' }));
    expect(mock.error).toEqual({ status: 422, body: { error: 'Unprocessable Entity', message: 'Required', path: ['name'] } });
  });
});
