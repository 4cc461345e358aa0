// Checks a body against the generated zod schema of its (operation, status), exactly:
// z.object drops keys it does not know, so a parsed copy that differs means extra keys.
import { responseSchemas as gateway } from '@revokit/langwatch/generated/gateway/schemas';
import { responseSchemas as apiKeys } from '@revokit/langwatch/generated/api-keys/schemas';
import { responseSchemas as vine } from '@revokit/vine/generated/vine/schemas';
import { expect } from 'vitest';

type Schema = { safeParse(value: unknown): { success: boolean; data?: unknown; error?: unknown } };
const all = { ...gateway, ...apiKeys, ...vine } as unknown as Record<string, Record<number, Schema>>;

/** Asserts the body matches the spec when the spec documents a body for this status; returns whether it did. */
export function expectConformingBody(operationId: string, status: number, body: unknown): boolean {
  const byStatus = all[operationId];
  if (!byStatus) throw new Error(`no schemas for operation ${operationId}`);
  const schema = byStatus[status];
  if (!schema) return false;
  const result = schema.safeParse(body);
  expect(result.success, `${operationId} ${status}: ${JSON.stringify(result.error)}`).toBe(true);
  expect(result.data, `${operationId} ${status}: body has keys the spec does not define`).toEqual(body);
  return true;
}
