// Child process of the in-process part: sequential Vine SDK calls through msw's setupServer,
// answered in turn by our stateful handlers and by one static handler returning the very same
// body. One server, handlers swapped between turns, so both pay the same interception.
// Prints one JSON line: microseconds per call, per round, for each.
// Usage: tsx scripts/bench/workers/msw-calls.ts <calls per round> <rounds>
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createVineMock, onUnhandled } from '@revokit/mock';
import { createVineClient } from '@revokit/vine';

const [calls = 2000, rounds = 5] = process.argv.slice(2).map(Number);

const vine = createVineMock();
const key = vine.seed.key({ name: 'bench' });
const server = setupServer(...vine.handlers);
server.listen(onUnhandled('error'));
const client = createVineClient({ maxRetries: 0 });

// The body ours sends (revoking again returns it unchanged), for the static handler to send too.
const revokeUrl = `https://vine.getcourtyard.ai/api/v1/keys/${key.id}/revoke`;
const rawBody = async () => (await fetch(revokeUrl, { method: 'POST' })).text();
const body = JSON.parse(await rawBody()) as Record<string, unknown>;
const staticHandler = http.post('https://vine.getcourtyard.ai/api/v1/keys/:id/revoke', () => HttpResponse.json(body));

async function timeCalls(): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) await client.keys.revoke(key.id);
  return ((performance.now() - started) * 1000) / calls;
}

const variants = {
  ours: () => server.resetHandlers(...vine.handlers),
  static: () => server.resetHandlers(staticHandler),
};
const results: Record<keyof typeof variants, number[]> = { ours: [], static: [] };
// A warm-up round of each (JIT), then rounds that alternate which goes first.
for (let round = -1; round < rounds; round++) {
  const order = (round & 1) === 0 ? (['ours', 'static'] as const) : (['static', 'ours'] as const);
  for (const name of order) {
    variants[name]();
    const microseconds = await timeCalls();
    if (round >= 0) results[name].push(microseconds);
  }
}
// Both still send the same bytes after all those calls.
variants.ours();
const oursAfter = await rawBody();
variants.static();
if (oursAfter !== (await rawBody())) throw new Error('our handlers and the static one no longer send the same body');
server.close();
process.stdout.write(`${JSON.stringify(results)}\n`);
