// The suite's own alarm: the divergences table is read, and a Prism verdict seen on the wire
// is classified as it must be. Without these, a broken check would let every test pass.
import { describe, expect, it } from 'vitest';
import { parseDivergenceTable, pairKey } from './support/divergences.js';
import { unacceptable, type ViolationRecord } from './support/violations.js';
import { useContract } from './support/harness.js';

const { env, call, control, allowed, takeRecords } = useContract();

const warning = { severity: 'Warning', message: 'Unable to match the returned status code' };
const record = (operationId: string, status: number, violations = [warning]): ViolationRecord => ({ method: 'POST', path: '/x', status, operationId, violations });

describe('the divergences table', () => {
  it('lists the rows of docs/divergences.md, and only table rows with an operationId and a status', () => {
    expect(allowed.has(pairKey('postApiGatewayV1Virtual-keysByIdRevoke', 404))).toBe(true);
    expect(allowed.has(pairKey('postApiGatewayV1Virtual-keysByIdRotate', 404))).toBe(true);
    const table = parseDivergenceTable(['| Operation | Status |', '| --- | --- |', '| `opA` | 404 | why |', '| opB | 409 |', 'text `opC` 500'].join('\n'));
    expect([...table]).toEqual([pairKey('opA', 404)]);
  });

  it('accepts a listed Warning, and fails on an unlisted Warning and on any Error', () => {
    expect(unacceptable(record('postApiGatewayV1Virtual-keysByIdRevoke', 404), allowed)).toEqual([]);
    expect(unacceptable(record('postApiGatewayV1Virtual-keysByIdRevoke', 503), allowed)).toHaveLength(1);
    expect(unacceptable(record('postApiGatewayV1Virtual-keysByIdRevoke', 404, [{ severity: 'Error', message: 'bad body' }]), allowed)).toHaveLength(1);
    expect(unacceptable(record('postApiGatewayV1Virtual-keysByIdRevoke', 200, [{ severity: 'Info', message: 'fyi' }]), allowed)).toEqual([]);
  });
});

describe('Prism verdicts on the wire', () => {
  it('an undocumented status (an injected 503) comes back as a Warning the check rejects', async () => {
    await control.fault({ operation_id: 'postApiV1KeysByIdRevoke', status: 503 });
    const reply = await call(`${env.proxy.vine}/api/v1/keys/key_x/revoke`, { method: 'POST' });
    expect(reply.status).toBe(503);
    const records = takeRecords().filter((r) => r.operationId === 'postApiV1KeysByIdRevoke');
    expect(records).toHaveLength(1);
    expect(records[0]!.violations).toContainEqual(expect.objectContaining({ severity: 'Warning' }));
    expect(unacceptable(records[0]!, allowed)).toHaveLength(1);
  });

  it('a listed divergence (virtual-key 404) comes back as a Warning the check accepts', async () => {
    const project = await control.project();
    const reply = await call(`${env.proxy.virtualKeys}/api/gateway/v1/virtual-keys/vk_none/revoke`, { method: 'POST', headers: { 'x-auth-token': project.api_key } });
    expect(reply.status).toBe(404);
    const records = takeRecords().filter((r) => r.operationId === 'postApiGatewayV1Virtual-keysByIdRevoke');
    expect(records[0]!.violations).toContainEqual(expect.objectContaining({ severity: 'Warning' }));
    expect(unacceptable(records[0]!, allowed)).toEqual([]);
  });
});
