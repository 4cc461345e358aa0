// A virtual key's config as the service keeps it (langwatch/src/server/gateway/virtualKey.config.ts
// @ 3dca0f685f): camelCase sections, each with defaults. Create and update accept any sections
// (`.partial()`); a section sent gets its inner defaults and replaces the stored one whole.
import type { operations } from '@revokit/langwatch/generated/virtual-keys/types';
import { array, boolean, integer, nullable, object, oneOf, optional, record, string, withDefault, INVALID, type Check, type Issue, type Path } from './schema-check.js';

/** The config as stored and merged: every section present. */
export type VirtualKeyConfig = Required<NonNullable<operations['postApiGatewayV1Virtual-keys']['requestBody']['content']['application/json']['config']>> &
  Record<string, unknown>;

const guardrailRef = object({ id: string(), evaluator: string() });
const guardrailRefs = withDefault(array(guardrailRef), () => []);
const policyRule = object({ deny: withDefault(array(string()), () => []), allow: withDefault(nullable(array(string())), () => null) });
const policyRuleWithDefault = withDefault(policyRule, () => ({ deny: [], allow: null }));
const nullableInt = withDefault(nullable(integer()), () => null);

/** Each section with its default, in the service's order. */
const sections = {
  modelAliases: withDefault(record(string()), () => ({})),
  modelsAllowed: withDefault(nullable(array(string())), () => null),
  cache: withDefault(object({ mode: withDefault(oneOf(['respect', 'force', 'disable']), () => 'respect'), ttlS: withDefault(integer({ min: 0 }), () => 3600) }), () => ({})),
  fallback: withDefault(
    object({
      on: withDefault(array(oneOf(['5xx', 'timeout', 'rate_limit_exceeded', 'network_error', 'circuit_breaker'])), () => ['5xx', 'timeout', 'rate_limit_exceeded']),
      timeoutMs: withDefault(integer({ above: 0 }), () => 30000),
      maxAttempts: withDefault(integer({ above: 0 }), () => 3),
    }),
    () => ({}),
  ),
  guardrails: withDefault(
    object({
      pre: guardrailRefs,
      post: guardrailRefs,
      streamChunk: guardrailRefs,
      requestFailOpen: withDefault(boolean, () => false),
      responseFailOpen: withDefault(boolean, () => false),
    }),
    () => ({}),
  ),
  policyRules: withDefault(object({ tools: policyRuleWithDefault, mcp: policyRuleWithDefault, urls: policyRuleWithDefault, models: policyRuleWithDefault }), () => ({})),
  rateLimits: withDefault(object({ rpm: nullableInt, tpm: nullableInt, rpd: nullableInt }), () => ({})),
  metadata: withDefault(object({ label: optional(string()), tags: withDefault(array(string()), () => []) }), () => ({})),
};

/** virtualKeyConfigSchema.partial(): every section optional, a section sent filled in. */
export const configPatch = object(Object.fromEntries(Object.entries(sections).map(([name, check]) => [name, optional(check as Check<unknown>)])) as { [K in keyof typeof sections]: Check<unknown> });

/** The config of a key created with no `config`: every section's default. */
export function defaultConfig(): VirtualKeyConfig {
  const issues: Issue[] = [];
  const full = object(sections)({}, [] as Path, issues);
  if (full === INVALID) throw new Error('the default config does not pass its own schema');
  return full as VirtualKeyConfig;
}

/** One level deep, as the service merges: each section sent replaces the stored one. */
export function mergeConfig(stored: VirtualKeyConfig, patch: Record<string, unknown> | undefined): VirtualKeyConfig {
  return patch === undefined ? stored : ({ ...stored, ...patch } as VirtualKeyConfig);
}
