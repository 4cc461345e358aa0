// `revokit-mock verify` against a second revokit-mock (a real process, `--propagation 1s`, so a
// run takes seconds): the same mock gives no difference; one option, one rewritten body or one
// documented divergence gives exactly the difference it should; an unreachable target exits 2;
// a run stopped by a signal still revokes what it created; no secret is ever printed.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../packages/mock/src/verify/report.js';
import { verifyHere } from './support/in-process.js';
import { startTarget, startVerify, until, verify, type Target } from './support/processes.js';
import { startProxy } from './support/proxy.js';
import { checkReportShape } from './support/report-shape.js';

let target: Target;
let production: Target; // --revoked-status 403, as production answers a revoked key
const printed: string[] = [];
const reports: VerifyReport[] = [];

/** Every report a test reads is also checked against docs/verify.md's shape, at the end. */
const report = (stdout: string): VerifyReport => {
  const parsed = JSON.parse(stdout) as VerifyReport;
  reports.push(parsed);
  return parsed;
};
/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
const differing = (r: VerifyReport) => r.steps.filter((step) => step.result === 'differs').map((step) => step.id);
const keep = <T extends { stdout: string; stderr: string }>(run: T): T => (printed.push(run.stdout, run.stderr), run);

beforeAll(async () => {
  [target, production] = await Promise.all([startTarget(), startTarget(['--revoked-status', '403'])]);
});

afterAll(async () => {
  await Promise.all([target?.stop(), production?.stop()]);
});

describe('revokit-mock verify against another revokit-mock', () => {
  it('defaults: exit 0, every step the same, everything it created revoked', async () => {
    const run = keep(await verify(['--target', target.url, '--vine', target.url, '--json'], target.env));
    expect(run.code).toBe(0);
    const r = report(run.stdout);
    expect(r.outcome).toBe('same');
    expect(r.summary).toMatchObject({ differs: 0, documented: 0, skipped: 0, not_run: 0 });
    expect(r.steps.every((step) => step.result === 'same')).toBe(true);
    expect(r.propagation.target_rejected).toBe(true);
    expect(r.propagation.mock_ms).toBe(60_000);
    expect(r.cleanup.failed).toEqual([]);
    expect(r.cleanup.created.map((entry) => entry.kind).sort()).toEqual(['api-key', 'vine-key', 'virtual-key']);
    expect(r.cleanup.created.every((entry) => entry.revoked_by === 'scenario')).toBe(true);
  });

  it('prints the table: step | mock | target | result, and the summary', async () => {
    const run = keep(await verifyHere(['--target', target.url], target.env));
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.find((line) => line.startsWith('step'))).toMatch(/^step +mock +target +result$/);
    expect(lines.find((line) => line.startsWith('vk.create '))).toMatch(/^vk\.create +201 +201 +same$/);
    expect(lines.find((line) => line.startsWith('gateway.propagation '))).toMatch(/401 virtual_key_revoked after 60\.0 s +401 virtual_key_revoked after \d+\.\d s +same$/);
    expect(run.stdout).toContain('Skipped: vine (no --vine URL)');
    expect(run.stdout).toMatch(/\n\d+ steps: \d+ same, 0 differ, 0 documented, \d+ skipped, 0 not run\.\n/);
    expect(run.stdout).toContain('Result: same (exit 0)');
  });

  it('--revoked-status 403 on the target: exit 1, exactly the revoked-key steps differ, 401 against 403', async () => {
    const run = keep(await verify(['--target', production.url, '--vine', production.url, '--json'], production.env));
    expect(run.code).toBe(1);
    const r = report(run.stdout);
    expect(r.outcome).toBe('drift');
    expect(differing(r)).toEqual(['gateway.propagation', 'gateway.revoked-secret']);
    for (const id of differing(r)) {
      const step = r.steps.find((s) => s.id === id)!;
      expect(step.mock!.label).toMatch(/^401 virtual_key_revoked/);
      expect(step.target!.label).toMatch(/^403 virtual_key_revoked/);
      expect(step.differences).toEqual([expect.objectContaining({ aspect: 'status', mock: 401, target: 403, documented: null, modelled_by: expect.objectContaining({ option: '--revoked-status 403' }) })]);
    }
  });

  it('verify --revoked-status 403 checks the mock as tests run it against production: exit 0', async () => {
    const run = keep(await verifyHere(['--target', production.url, '--revoked-status', '403'], production.env));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('revoked keys get 403');
  });

  it('a proxy rewriting one error body: exactly that step differs, on that field', async () => {
    const proxy = await startProxy(target.url, (exchange) =>
      exchange.method === 'DELETE' && exchange.status === 409 ? { body: JSON.stringify({ error: 'Conflict', message: 'API key already revoked' }) } : undefined,
    );
    try {
      const run = keep(await verifyHere(['--target', proxy.url, '--json'], target.env));
      expect(run.code).toBe(1);
      const r = report(run.stdout);
      expect(differing(r)).toEqual(['admin.revoke-again']);
      expect(r.steps.find((step) => step.id === 'admin.revoke-again')!.differences).toEqual([
        expect.objectContaining({ aspect: 'error', path: 'message', mock: 'API Key is already revoked', target: 'API key already revoked', documented: null }),
      ]);
      expect(proxy.rewritten).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('a documented divergence (no X-Request-Id on the app API, as in production) is reported as documented: exit 0', async () => {
    const proxy = await startProxy(target.url, (exchange) => {
      if (!exchange.headers['x-request-id']) return undefined;
      const { 'x-request-id': _dropped, ...headers } = exchange.headers;
      return { headers };
    });
    try {
      // Only the app API goes through the proxy; the gateway is asked directly.
      const run = keep(await verifyHere(['--target', proxy.url, '--gateway', target.url, '--json'], target.env));
      expect(run.code).toBe(0);
      const r = report(run.stdout);
      expect(r.outcome).toBe('same');
      const documented = r.steps.filter((step) => step.result === 'documented');
      expect(documented.map((step) => step.plane)).toEqual(documented.map(() => 'api'));
      expect(documented.length).toBe(r.steps.filter((step) => step.plane === 'api' && step.result !== 'skipped').length);
      expect(new Set(documented.flatMap((step) => step.differences.map((d) => d.documented?.row)))).toEqual(new Set(['X-Request-Id on the app API']));
      expect(r.summary.differs).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it('--help (exit 0); nothing to verify, or a bad flag: exit 2 with one line', async () => {
    const help = keep(await verify(['--help']));
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: revokit-mock verify --target <url> \[flags\]\n/);
    const nothing = keep(await verifyHere(['--target', target.url]));
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^revokit-mock verify: nothing to verify: set LANGWATCH_API_KEY and LANGWATCH_PROVIDER_CREDENTIAL_ID/);
    const bad = keep(await verifyHere(['--target', target.url, '--api-key', target.env.LANGWATCH_API_KEY!], target.env));
    expect(bad).toMatchObject({ code: 2, stdout: '', stderr: 'revokit-mock verify: unknown flag --api-key (see verify --help)\n' });
  });

  it('an unreachable target: exit 2, with the reason, and nothing created', async () => {
    const closed = await closedPort();
    const before = await target.control('GET', '/__mock/requests');
    const run = keep(await verify(['--target', `http://127.0.0.1:${closed}`, '--vine', target.url], target.env));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`revokit-mock verify: cannot reach http://127.0.0.1:${closed}: ECONNREFUSED\n`);
    expect(run.stdout).toBe('');
    // Vine answered, but nothing was sent there either: the run stops before its first request.
    expect(await target.control('GET', '/__mock/requests')).toEqual(before);
  });

  it('a target that stops answering mid-run (a create\'s answer lost): exit 2, and the key is found by its name and revoked', async () => {
    let dropped = false;
    const proxy = await startProxy(target.url, (exchange) => {
      if (dropped || exchange.method !== 'POST' || exchange.path !== '/api/gateway/v1/virtual-keys' || exchange.status !== 201) return undefined;
      dropped = true;
      return 'drop';
    });
    try {
      const run = keep(await verifyHere(['--target', proxy.url, '--json'], target.env));
      expect(run.code).toBe(2);
      const r = report(run.stdout);
      expect(r.outcome).toBe('unreachable');
      expect(r.error).toMatch(/^no answer to POST http:\/\/127\.0\.0\.1:\d+\/api\/gateway\/v1\/virtual-keys: /);
      expect(r.steps.filter((step) => step.result !== 'not_run' && step.result !== 'skipped')).toEqual([]);
      expect(r.cleanup.created).toEqual([expect.objectContaining({ kind: 'virtual-key', step: 'found by name', revoked_by: 'cleanup' })]);
      const keys = (await target.control('GET', '/__mock/langwatch/virtual-keys')).body.virtual_keys as Array<{ virtual_key: { id: string }; revoked_at: string | null }>;
      expect(keys.find((key) => key.virtual_key.id === r.cleanup.created[0]!.id)!.revoked_at).not.toBeNull();
    } finally {
      await proxy.close();
    }
  });

  it('SIGINT mid-run (a rotate in flight): the run stops, the virtual key it created is revoked, exit 130', async () => {
    await target.control('POST', '/__mock/faults', { operation_id: 'postApiGatewayV1Virtual-keysByIdRotate', delay_ms: 20_000 });
    const before = (await target.control('GET', '/__mock/requests')).body.langwatch.length as number;
    const run = startVerify(['--target', target.url, '--json'], target.env);
    await until(async () => (await target.control('GET', '/__mock/requests')).body.langwatch.slice(before).some((entry: { operation_id: string }) => entry.operation_id === 'postApiGatewayV1Virtual-keysByIdRotate'));
    run.child.kill('SIGINT'); // to the child itself: a shell's background job would ignore it
    expect(await run.exited).toBe(130);
    keep({ stdout: run.stdout(), stderr: run.stderr() });
    const r = report(run.stdout());
    expect(r.outcome).toBe('interrupted');
    expect(r.exit_code).toBe(130);
    expect(r.steps.find((step) => step.id === 'vk.rotate')!.result).toBe('not_run');
    expect(r.cleanup.created).toEqual([expect.objectContaining({ kind: 'virtual-key', step: 'vk.create', revoked_by: 'cleanup' })]);
    const keys = (await target.control('GET', '/__mock/langwatch/virtual-keys')).body.virtual_keys as Array<{ virtual_key: { id: string }; revoked_at: string | null }>;
    expect(keys.find((key) => key.virtual_key.id === r.cleanup.created[0]!.id)!.revoked_at).not.toBeNull();
    expect(run.stderr()).toContain('SIGINT: stopping, then revoking what this run created');
  });

  it('SIGTERM while a create is in flight: the create finishes, and the key it made is revoked, exit 143', async () => {
    await target.control('POST', '/__mock/faults', { operation_id: 'createApiKey', delay_ms: 1_500 });
    const before = (await target.control('GET', '/__mock/requests')).body.langwatch.length as number;
    const { LANGWATCH_ADMIN_API_KEY } = target.env; // the admin part alone
    const run = startVerify(['--target', target.url, '--json'], { LANGWATCH_ADMIN_API_KEY: LANGWATCH_ADMIN_API_KEY! });
    await until(async () => (await target.control('GET', '/__mock/requests')).body.langwatch.slice(before).some((entry: { operation_id: string }) => entry.operation_id === 'createApiKey'));
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(143);
    keep({ stdout: run.stdout(), stderr: run.stderr() });
    const r = report(run.stdout());
    expect(r.cleanup.created).toEqual([expect.objectContaining({ kind: 'api-key', step: 'admin.create', revoked_by: 'cleanup' })]);
    const keys = (await target.control('GET', '/__mock/langwatch/api-keys')).body.api_keys as Array<{ id: string; revoked_at: string | null }>;
    expect(keys.find((key) => key.id === r.cleanup.created[0]!.id)!.revoked_at).not.toBeNull();
  });

  it('a key it cannot revoke is reported under cleanup.failed, and the exit status is not 0', async () => {
    // Vine (alone) behind a proxy that refuses every revoke, the cleanup's included.
    const proxy = await startProxy(target.url, (exchange) => (/^\/api\/v1\/keys\/[^/]+\/revoke$/.test(exchange.path) ? { status: 503, body: '{"error":{"code":"unavailable","message":"try later"}}' } : undefined));
    try {
      const run = keep(await verifyHere(['--target', target.url, '--vine', proxy.url, '--json']));
      const r = report(run.stdout);
      expect(run.code).toBe(1);
      expect(r.cleanup.failed).toEqual([expect.objectContaining({ kind: 'vine-key', reason: 'answered 503' })]);
      expect(r.cleanup.created).toEqual([expect.objectContaining({ kind: 'vine-key', revoked_by: null })]);
      expect(r.parts.filter((part) => !part.ran).map((part) => part.skipped_because)).toEqual([
        'LANGWATCH_API_KEY and LANGWATCH_PROVIDER_CREDENTIAL_ID are not set',
        'LANGWATCH_ADMIN_API_KEY is not set',
      ]);
      const table = keep(await verifyHere(['--target', target.url, '--vine', proxy.url]));
      expect(table.stdout).toMatch(/\n {2}NOT REVOKED: vine-key c[0-9a-z]{24} \(answered 503\): revoke it by hand\n/);
      // As the report asks: revoked by hand.
      for (const key of [r.cleanup.failed[0]!.id, /NOT REVOKED: vine-key (\S+)/.exec(table.stdout)![1]!]) {
        expect((await target.control('POST', `/api/v1/keys/${key}/revoke`)).status).toBe(200);
      }
    } finally {
      await proxy.close();
    }
  });

  it('--dry-run prints the plan and every request, and sends none', async () => {
    const before = await target.control('GET', '/__mock/requests');
    const run = keep(await verifyHere(['--target', target.url, '--vine', target.url, '--dry-run'], target.env));
    expect(run.code).toBe(0);
    expect(await target.control('GET', '/__mock/requests')).toEqual(before);
    expect(run.stdout).toContain('vk.rotate: rotate it\n  POST http://');
    expect(run.stdout).toContain('/api/gateway/v1/virtual-keys/{vk.id}/rotate\n  authorization: Bearer $LANGWATCH_API_KEY\n');
    expect(run.stdout).toContain('authorization: Bearer {a made-up project key}');
  });

  it('no secret of the target (nor of the keys it created) was printed by any run', async () => {
    const secrets = await target.secrets();
    expect(secrets.length).toBeGreaterThan(10);
    const all = printed.join('\n');
    expect(all.length).toBeGreaterThan(10_000);
    expect(secrets.filter((secret) => all.includes(secret) || all.includes(secret.slice(-24)))).toEqual([]);
  });

  it('leaves no key it created active on the target', async () => {
    const [vks, aks, vine] = await Promise.all(['/__mock/langwatch/virtual-keys', '/__mock/langwatch/api-keys', '/__mock/vine/keys'].map((path) => target.control('GET', path)));
    const active = [
      ...vks!.body.virtual_keys.filter((key: any) => key.virtual_key.name.startsWith('revokit-verify-') && key.revoked_at === null),
      ...aks!.body.api_keys.filter((key: any) => key.name?.startsWith('revokit-verify-') && key.revoked_at === null),
      ...vine!.body.keys.filter((key: any) => key.name.startsWith('revokit-verify-') && key.revokedAt === null),
    ];
    expect(vks!.body.virtual_keys.length).toBeGreaterThan(3);
    expect(active).toEqual([]);
  });

  it('--json matches the shape docs/verify.md documents', () => {
    expect(reports.length).toBeGreaterThanOrEqual(6);
    expect(checkReportShape(reports)).toEqual({ undocumented: [], neverSeen: [] });
  });
});
