// 200,000 requests against one server process (the real CLI, logging as by default): no 5xx,
// memory flat after warm-up (RSS growth < 30 MB), and the journal bounded. Prints both figures.
import { readFileSync } from 'node:fs';
import { expect, it, onTestFinished } from 'vitest';
import { send } from '../server/support/server.js';
import { startCliServer } from './support/cli-server.js';
import { pipelinedLoad } from './support/pipelined-load.js';

const TOTAL = 200_000;
/** By then every bounded structure is full: the journals (1,000 each), the retired secrets (1,000 rotations). */
const WARM_UP = 30_000;
const SAMPLE_EVERY = 10_000;
const MiB = 1024 * 1024;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Resident set size of a process, from /proc (Linux). */
const rssOf = (pid: number) => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

it(`${TOTAL.toLocaleString('en')} requests: no 5xx, RSS flat after warm-up, journal bounded`, async () => {
  const server = await startCliServer();
  onTestFinished(() => server.kill());
  // The log goes on being written (as by default), only no longer kept here.
  let logLines = 0;
  server.cli.child.stdout!.removeAllListeners('data').on('data', (chunk: Buffer) => (logLines += chunk.toString('latin1').split('\n').length - 1));
  const { project, demo } = server.banner;
  const json = { 'content-type': 'application/json' };
  const rotated = (await send(server.url, 'POST', '/__mock/langwatch/virtual-keys', { headers: json, body: '{}' })).body.virtual_key.id as string;
  const revoked = (await send(server.url, 'POST', '/__mock/langwatch/api-keys', { headers: json, body: '{}' })).body.id as string;
  const admin = `Authorization: Bearer ${demo.admin_api_key.token}\r\n`;
  expect((await send(server.url, 'DELETE', `/api/api-keys/${revoked}`, { headers: { authorization: `Bearer ${demo.admin_api_key.token}` } })).status).toBe(200);
  const chat = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });
  const bearer = `Authorization: Bearer ${demo.virtual_key.secret}\r\n`;
  const mix: Array<(n: number) => string> = [
    () => `POST /api/v1/keys/${demo.vine_key.id}/revoke HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => `GET /v1/models HTTP/1.1\r\nHost: x\r\n${bearer}\r\n`,
    () => `POST /api/gateway/v1/virtual-keys/${rotated}/rotate HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${project.api_key}\r\n\r\n`,
    () => `DELETE /api/api-keys/${revoked} HTTP/1.1\r\nHost: x\r\n${admin}\r\n`,
    (n) => `GET /nope/${n} HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => `POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n${bearer}Content-Type: application/json\r\nContent-Length: ${chat.length}\r\n\r\n${chat}`,
    () => `PUT /api/v1/keys/x/revoke HTTP/1.1\r\nHost: x\r\n\r\n`,
    (n) => (n % 5_000 === 7 ? 'GET /__mock/requests HTTP/1.1\r\nHost: x\r\n\r\n' : 'GET /__mock/health HTTP/1.1\r\nHost: x\r\n\r\n'),
  ];

  const pid = server.cli.child.pid!;
  // RSS every 10,000 answers; a single reading can land on either side of a garbage collection.
  const samples: number[] = [];
  const started = performance.now();
  const statuses = await pipelinedLoad(server.url, {
    total: TOTAL,
    connections: 8,
    depth: 32,
    request: (n) => mix[n % mix.length]!(n),
    onProgress: (answered) => {
      if (answered >= (samples.length + 1) * SAMPLE_EVERY) samples.push(rssOf(pid));
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const rssAfterWarmUp = median(samples.slice(WARM_UP / SAMPLE_EVERY - 1, WARM_UP / SAMPLE_EVERY + 2));
  const rssAtEnd = median(samples.slice(-3));
  const journal = (await send(server.url, 'GET', '/__mock/requests')).body;
  const growth = (rssAtEnd - rssAfterWarmUp) / MiB;

  console.log(
    [
      `soak: ${TOTAL} requests in ${seconds.toFixed(1)} s (${Math.round(TOTAL / seconds)}/s), statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${logLines} log lines`,
      `soak: RSS (median of 3 readings) ${(rssAfterWarmUp / MiB).toFixed(1)} MiB around ${WARM_UP} requests, ${(rssAtEnd / MiB).toFixed(1)} MiB at the end: growth ${growth.toFixed(1)} MiB (limit 30); every ${SAMPLE_EVERY}: ${samples.map((rss) => (rss / MiB).toFixed(0)).join(' ')}`,
      `soak: journal ${journal.langwatch.length} LangWatch + ${journal.vine.length} Vine entries (limit 1000 each)`,
    ].join('\n'),
  );
  expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
  expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(TOTAL);
  expect(growth).toBeLessThan(30);
  expect(journal.langwatch.length).toBeLessThanOrEqual(1000);
  expect(journal.vine.length).toBeLessThanOrEqual(1000);
  expect(await server.stop()).toBe(0);
}, 240_000);
