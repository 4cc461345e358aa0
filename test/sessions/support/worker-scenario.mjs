// One test worker's whole scenario against a shared revokit-mock, in its own session, with plain
// fetch (as a suite in any language would). Run as a child process: argv = base URL, session id,
// rounds, start time (epoch ms: every worker starts together). Exits 1 with the first broken
// expectation; prints "ok <id>" on success.
const [base, id, rounds = '2', startAt = '0'] = process.argv.slice(2);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const url = `${base}/__session/${id}`;
const GRACE_MS = 10_000;
const PROPAGATION_MS = 5_000;
let requests = 0;

async function call(method, path, { headers = {}, body } = {}) {
  requests += path.startsWith('/__mock/') ? 0 : 1;
  const response = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

function expect(label, actual, expected) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    console.error(`${id}: ${label}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    process.exit(1);
  }
}

const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3)); // interleave with the others
const advance = (ms) => call('POST', '/__mock/clock', { body: { advance_ms: ms } });
const gateway = (secret) => call('GET', '/v1/models', { headers: { authorization: `Bearer ${secret}` } }).then((r) => r.status);

for (let round = 0; round < Number(rounds); round++) {
  const { body: creds } = await call('GET', '/__mock/credentials');
  const project = { 'x-auth-token': creds.project.api_key };
  const vk = creds.demo.virtual_key;
  const before = (await call('GET', '/__mock/clock')).body;
  expect('clock starts frozen, at offset of a fresh reset', before.frozen, true);

  // Rotate, then the grace boundary of the old secret.
  const rotated = await call('POST', `/api/gateway/v1/virtual-keys/${vk.id}/rotate`, { headers: project });
  expect('rotate', [rotated.status, rotated.body.virtual_key.revision], [200, '2']);
  await pause();
  await advance(GRACE_MS - 1);
  expect('old secret at grace - 1', await gateway(vk.secret), 200);
  await advance(1);
  expect('old secret at grace', await gateway(vk.secret), 401);
  expect('new secret', await gateway(rotated.body.secret), 200);

  // Revoke, then the propagation boundary.
  const revoked = await call('POST', `/api/gateway/v1/virtual-keys/${vk.id}/revoke`, { headers: project });
  expect('revoke', [revoked.status, revoked.body.virtual_key.status], [200, 'revoked']);
  await pause();
  await advance(PROPAGATION_MS - 1);
  expect('revoked key before propagation', await gateway(rotated.body.secret), 200);
  await advance(1);
  expect('revoked key after propagation', await gateway(rotated.body.secret), 401);

  // Admin revoke, once.
  const admin = { authorization: `Bearer ${creds.demo.admin_api_key.token}` };
  expect('admin revoke', (await call('DELETE', `/api/api-keys/${creds.demo.member_api_key.id}`, { headers: admin })).status, 200);
  expect('admin revoke again', (await call('DELETE', `/api/api-keys/${creds.demo.member_api_key.id}`, { headers: admin })).status, 409);

  // Vine: a fault first, then an idempotent revoke.
  const vine = creds.demo.vine_key.id;
  await call('POST', '/__mock/faults', { body: { operation_id: 'postApiV1KeysByIdRevoke', status: 503 } });
  await pause();
  expect('injected fault', (await call('POST', `/api/v1/keys/${vine}/revoke`)).status, 503);
  const first = await call('POST', `/api/v1/keys/${vine}/revoke`);
  await advance(60_000);
  const second = await call('POST', `/api/v1/keys/${vine}/revoke`);
  expect('vine revoke is idempotent', [first.status, second.body], [200, first.body]);

  // The journal holds this worker's requests only, in order.
  const journal = (await call('GET', '/__mock/requests')).body;
  expect('journal size', journal.langwatch.length + journal.vine.length, requests);

  // Reset: the same credentials, all usable again, and a fresh journal.
  expect('reset', (await call('POST', '/__mock/reset')).status, 204);
  requests = 0;
  const again = (await call('GET', '/__mock/credentials')).body;
  expect('same credentials after reset', again.demo.virtual_key.secret, vk.secret);
  expect('secret valid after reset', await gateway(vk.secret), 200);
  await call('POST', '/__mock/reset');
  requests = 0;
}
console.log(`ok ${id}`);
