// What one side's answer to a step amounts to, for comparison: status, error fields, shape, state
// facts, format verdicts, the request id's kind. Derived at once from the answer, which is then
// dropped: a secret in a body cannot reach the report because no body does.
import { patterns } from '../core/langwatch/formats.js';
import { secretShape } from './format-rules.js';
import { isObject, valueAt } from './paths.js';
import { shapeOf, type Shape } from './shape.js';
import type { Answer, Fact, Step, StepContext, StepRequest } from './step.js';

/** How an answer's X-Request-Id relates to the request's: our own value back, one in the gateway's format, another, or none. */
export type RequestIdKind = 'echoed' | 'req_ + 30 hex' | 'other' | 'none';

export interface FormatVerdict {
  ok: boolean;
  /** The rule, in words. */
  rule: string;
  /** What was there: the value, or only its shape for a credential. */
  seen: string;
}

export interface Propagation {
  /** From the answer of the step named by `pollUntilRejected.from` to the first rejection (or the last try). */
  elapsedMs: number;
  attempts: number;
  /** False when the timeout passed with the secret still accepted. */
  rejected: boolean;
}

export type Observation =
  | {
      kind: 'answered';
      status: number;
      json: boolean;
      requestId: RequestIdKind;
      /** `error`, `message`, `type`, `code` (flat or under `error`) and a validation `path`, for status >= 400. */
      error: Record<string, string> | null;
      shape: Shape;
      facts: Record<string, Fact>;
      formats: Record<string, FormatVerdict>;
      propagation: Propagation | null;
    }
  | { kind: 'not-run'; reason: string };

export function observe(step: Step, request: StepRequest, answer: Answer, context: StepContext, propagation: Propagation | null = null): Observation {
  return {
    kind: 'answered',
    status: answer.status,
    json: answer.json,
    requestId: requestIdKind(request.headers?.['x-request-id'], answer.requestId),
    error: answer.status >= 400 ? errorFields(answer.body) : null,
    shape: answer.json ? shapeOf(answer.body, step.shape ?? 'full', context) : {},
    facts: step.facts?.(answer, context) ?? {},
    formats: Object.fromEntries(
      Object.entries(step.formats ?? {}).flatMap(([path, rule]) => {
        const value = valueAt(answer.body, path, context);
        if (value === undefined) return []; // a missing field is a shape difference, reported there
        return [[path, { ok: rule.check(value, context, answer.body), rule: rule.describe, seen: rule.secret ? secretShape(value) : JSON.stringify(value) }]];
      }),
    ),
    propagation,
  };
}

function requestIdKind(sent: string | undefined, received: string | undefined): RequestIdKind {
  if (received === undefined || received === '') return 'none';
  if (sent !== undefined && received === sent) return 'echoed';
  return patterns.requestId.test(received) ? 'req_ + 30 hex' : 'other';
}

/** The fields an API's error envelope identifies an error by: LangWatch's flat and nested ones, Vine's, a validation path. */
export function errorFields(body: unknown): Record<string, string> | null {
  if (!isObject(body)) return null;
  const fields: Record<string, string> = {};
  const take = (name: string, value: unknown) => {
    if (typeof value === 'string') fields[name] = value;
  };
  if (isObject(body.error)) {
    for (const name of ['type', 'code', 'message'] as const) take(`error.${name}`, body.error[name]);
  } else take('error', body.error);
  take('message', body.message);
  if (Array.isArray(body.path)) fields.path = JSON.stringify(body.path);
  return fields;
}
