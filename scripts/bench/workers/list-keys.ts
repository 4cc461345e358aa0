// Child process of the list part: GET /api/gateway/v1/virtual-keys on a project of 1,000 keys,
// through the LangWatch core as an adapter drives it (handle, then JSON.stringify of the body it
// answers), against JSON.stringify of that very array: the least any list of those keys costs.
// The two alternate, round by round. Prints one JSON line: microseconds per list, per round.
// Usage: tsx scripts/bench/workers/list-keys.ts <keys> <lists per round> <rounds>
import { createLangWatchCore } from '@revokit/mock/core';

const [keys = 1000, lists = 200, rounds = 7] = process.argv.slice(2).map(Number);

const core = createLangWatchCore({ clock: 'frozen' });
// Created one millisecond apart, some used on the gateway: every key's instants differ, as in a real list.
for (let i = 0; i < keys; i++) {
  core.clock.advance(1);
  core.seed.virtualKey({ name: `key ${i}`, description: i % 3 === 0 ? null : `customer ${i}` });
}
const request = { method: 'GET', url: 'https://app.langwatch.ai/api/gateway/v1/virtual-keys', path: '/api/gateway/v1/virtual-keys', headers: { 'x-auth-token': core.defaultProject.apiKey } };
const listOnce = () => {
  const outcome = core.handle(request);
  if (outcome.kind !== 'respond' || outcome.response.status !== 200) throw new Error(`the list answered ${JSON.stringify(outcome).slice(0, 200)}`);
  return JSON.stringify(outcome.response.body);
};
const data = (JSON.parse(listOnce()) as { data: unknown[] }).data;
if (data.length !== keys) throw new Error(`listed ${data.length} keys, not ${keys}`);
const floorOnce = () => JSON.stringify({ data });

let sink = 0;
function time(run: () => string): number {
  const started = performance.now();
  for (let i = 0; i < lists; i++) sink += run().length;
  return ((performance.now() - started) * 1000) / lists;
}

const results = { ours: [] as number[], stringify: [] as number[] };
for (let round = -1; round < rounds; round++) {
  const order = (round & 1) === 0 ? (['ours', 'stringify'] as const) : (['stringify', 'ours'] as const);
  for (const name of order) {
    const microseconds = time(name === 'ours' ? listOnce : floorOnce);
    if (round >= 0) results[name].push(microseconds);
  }
}
if (listOnce() !== floorOnce()) throw new Error('the list no longer answers the array the floor serialises');
process.stdout.write(`${JSON.stringify({ ...results, sink })}\n`);
