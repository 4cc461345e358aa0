// Checks a body against the generated zod schema of its (operation, status), exactly:
// z.object drops keys it does not know, so a parsed copy that differs means extra keys.
import { apis } from '../../../scripts/apis.ts';
import type { SetupServer } from 'msw/node';
import { afterEach, expect } from 'vitest';
import { langWatchRoutes, vineRoutes } from '@revokit/mock';
import { createRouter } from '@revokit/mock/core/router';

type Schema = { safeParse(value: unknown): { success: boolean; data?: unknown; error?: unknown } };
// Every spec's response schemas, from the one list of APIs.
const modules = await Promise.all(apis.map((api) => import(`../../../packages/${api.package}/src/generated/${api.generated}/schemas.ts`) as Promise<{ responseSchemas: object }>));
const all = Object.assign({}, ...modules.map((module) => module.responseSchemas)) as Record<string, Record<number, Schema>>;

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

/**
 * Checks every response the mock emits through `server` against the spec, whatever the test
 * asserts: register once per suite; each test then fails if any response did not conform.
 */
export function checkEveryResponse(server: SetupServer): void {
  const pending: Promise<string | undefined>[] = [];
  server.events.on('response:mocked', ({ request, response }) => {
    pending.push(nonConformity(request, response.clone()));
  });
  afterEach(async () => {
    const problems = (await Promise.all(pending.splice(0))).filter((problem) => problem !== undefined);
    expect(problems, 'responses that do not match the spec').toEqual([]);
  });
}

const router = createRouter([...langWatchRoutes, ...vineRoutes]);

async function nonConformity(request: Request, response: Response): Promise<string | undefined> {
  const match = router.match(request.method, new URL(request.url).pathname);
  if (match.kind !== 'match') return undefined;
  const schema = all[match.name]?.[response.status];
  if (!schema) return undefined; // the data plane, or a status the spec gives no body (divergences.md)
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `${match.name} ${response.status}: body is not JSON`;
  }
  const result = schema.safeParse(body);
  if (!result.success) return `${match.name} ${response.status}: ${JSON.stringify(result.error)}`;
  if (JSON.stringify(result.data) !== JSON.stringify(body)) return `${match.name} ${response.status}: keys the spec does not define`;
  return undefined;
}
