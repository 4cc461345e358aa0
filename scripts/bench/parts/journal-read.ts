// Reading a full journal of long entries (1,000 per family, 8 kB URLs) in a session, on a server
// holding 256 live sessions, beside the same read on a server holding that session alone. Reading
// once redacted every entry twice against every world's credentials: 10 such entries took 10–13 s
// with 256 sessions (issue 17). Entries are now redacted when written, against one index, and cut
// to 512 characters, so the read costs the same whatever the number of sessions. Interleaved reads,
// medians; the figure has no target: it is reported.
import { figure, type BenchPart } from '../figure.ts';
import { builtCli } from '../support/build.ts';
import { send } from '../support/processes.ts';
import { median } from '../support/stats.ts';
import { LIVE_SESSIONS, startOurs } from './server-throughput.ts';

const LONG = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(222); // 7,992 characters
const SESSION = { 'x-revokit-session': 'bench-0' };

export const part: BenchPart = {
  name: 'journal read',
  async run(context) {
    const cli = builtCli(context.root);
    const entries = context.smoke ? 20 : 1_000;
    const reads = context.smoke ? 3 : 15;
    const crowded = await startOurs(cli, { sessions: LIVE_SESSIONS });
    const alone = await startOurs(cli, { sessions: 1 });
    for (const server of [crowded, alone]) await fill(server.base, entries);
    context.log(`${entries} entries of ${LONG.length + 40}-character URLs per family in session bench-0; ${reads} reads each, interleaved`);

    const times = { crowded: [] as number[], alone: [] as number[] };
    for (let i = 0; i < reads; i++) {
      times.crowded.push(await timedRead(crowded.base, entries));
      times.alone.push(await timedRead(alone.base, entries));
    }
    context.log(`read: ${median(times.crowded).toFixed(1)} ms with ${LIVE_SESSIONS} sessions, ${median(times.alone).toFixed(1)} ms with 1`);
    return [
      figure({
        id: 'server.journal-read.sessions-vs-one',
        label: `server: read a full journal of long URLs, ${LIVE_SESSIONS} live sessions`,
        value: median(times.crowded),
        unit: 'ms',
        baseline: { label: 'the same journal, 1 live session', value: median(times.alone) },
        note: `GET /__mock/requests in a session whose journals hold ${entries} entries per family of ${LONG.length + 40}-character URLs; median of ${reads} interleaved reads, each on a fresh connection`,
      }),
    ];
  },
};

/** `count` journaled requests per family, their ids 8 kB long: a 404 for Vine, a 401 for LangWatch. */
async function fill(base: string, count: number): Promise<void> {
  const one = async (i: number) => {
    await send('POST', `${base}/api/v1/keys/${LONG}-${i}/revoke`, { headers: SESSION });
    await send('POST', `${base}/api/gateway/v1/virtual-keys/${LONG}-${i}/rotate`, { headers: SESSION });
  };
  for (let i = 0; i < count; i += 8) await Promise.all(Array.from({ length: Math.min(8, count - i) }, (_, j) => one(i + j)));
}

async function timedRead(base: string, entries: number): Promise<number> {
  const since = performance.now();
  const answer = await send('GET', `${base}/__mock/requests`, { headers: SESSION });
  const ms = performance.now() - since;
  const journal = JSON.parse(answer.body) as { vine?: unknown[]; langwatch?: unknown[] };
  if (answer.status !== 200 || journal.vine?.length !== entries || journal.langwatch?.length !== entries) {
    throw new Error(`journal read: ${answer.status}, ${journal.vine?.length} Vine and ${journal.langwatch?.length} LangWatch entries, expected ${entries} each`);
  }
  return ms;
}
