// Server throughput under keep-alive load, against baselines running beside it:
//   Vine revoke of a seeded key (idempotent, same answer every time) vs `prism mock
//   specs/vine.yaml` and vs a bare node:http server sending the same body;
//   LangWatch rotate of one virtual key (new secret, revision + 1 on every call) vs a bare
//   server sending a body of the same shape;
//   Vine revoke in a session (X-Revokit-Session on every request) on a server holding 256 live
//   sessions (the default bound), vs Vine revoke without a session on a server holding none, both
//   with the default request log on (pretty, to /dev/null): what a request costs must not depend
//   on how many worlds exist (issue 17).
// Every server runs for the whole part (idle when not under load) and they take turns, round
// after round, so that a busy neighbour slows them alike; each figure is the median of its
// turns. Each server's CPU time per answer is noted too (Linux): a busy machine moves it less.
// BENCH_BASELINE_CLI=<another dist/cli.js> adds that build as one more contender (before/after
// an optimisation, in the same run).
import { isAbsolute, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { figure, type BenchContext, type BenchPart, type Figure } from '../figure.ts';
import { builtCli } from '../support/build.ts';
import { cpuMs } from '../support/cpu-time.ts';
import { pickLoadGenerator, type LoadGenerator, type LoadRequest } from '../support/load.ts';
import { firstAnswer, freePort, sendExpecting, startNode } from '../support/processes.ts';
import { median } from '../support/stats.ts';

const CONNECTIONS = 20;
const TARGETS = { vineVsPrism: 20, vineVsBare: 0.85, rotateVsBare: 0.6, sessionsVsNone: 0.9 } as const;
/** Live sessions on the server of the session figure: the default --max-sessions. */
export const LIVE_SESSIONS = 256;
const SESSION = { 'x-revokit-session': 'bench-0' };

interface Contender {
  key: string;
  label: string;
  pid: number | undefined;
  load: LoadRequest;
  rps: number[];
  p99Ms: number[];
  /** Server CPU µs per answer, per turn (empty where /proc is missing). */
  cpuUs: number[];
}

export const part: BenchPart = {
  name: 'server throughput',
  async run(context) {
    const rounds = context.smoke ? 1 : Number(process.env.BENCH_ROUNDS ?? 7);
    const seconds = context.smoke ? 1 : Number(process.env.BENCH_SECONDS ?? 3);
    const generator = pickLoadGenerator();
    try {
      const contenders = await startContenders(context, { connections: CONNECTIONS, seconds });
      const all = Object.values(contenders).filter((c): c is Contender => c !== undefined);
      context.log(`${generator.name}, ${CONNECTIONS} keep-alive connections; ${rounds} rounds of ${seconds} s per server, in turns`);
      if (!context.smoke) for (const c of all) await generator.run({ ...c.load, seconds: 1 }); // warm-up: JIT, connections
      for (let round = 1; round <= rounds; round++) {
        for (const c of all) await turn(generator, c);
        context.log(`round ${round}/${rounds}: ${all.map((c) => `${c.key} ${Math.round(c.rps.at(-1)!)}`).join(', ')} req/s`);
      }
      return figures(contenders, generator.name, rounds, seconds);
    } finally {
      generator.dispose();
    }
  },
};

async function turn(generator: LoadGenerator, c: Contender): Promise<void> {
  const cpuBefore = cpuMs(c.pid);
  const result = await generator.run(c.load);
  const cpuAfter = cpuMs(c.pid);
  c.rps.push(result.rps);
  c.p99Ms.push(result.p99Ms);
  if (cpuBefore !== undefined && cpuAfter !== undefined && result.requests > 0) c.cpuUs.push(((cpuAfter - cpuBefore) * 1000) / result.requests);
}

interface Contenders {
  oursVine: Contender;
  prismVine: Contender;
  bareVine: Contender;
  oursRotate: Contender;
  bareRotate: Contender;
  oursVineLogged: Contender;
  oursVineSessions: Contender;
  otherVine?: Contender | undefined;
  otherRotate?: Contender | undefined;
}

/**
 * Our CLI on a free port with a Vine key and a LangWatch virtual key seeded through the control
 * plane, and a Vine key in the session `bench-0`. `log`: the request log (silent by default: a log
 * line per request is not what a test suite pays for); `sessions`: how many live sessions to hold.
 */
export async function startOurs(cli: string, { log = 'silent', sessions = 0 }: { log?: 'silent' | 'pretty'; sessions?: number } = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The log goes to /dev/null (stdio ignored): written, as to a terminal or a pipe, but read by nobody.
  const child = startNode([cli, '--port', String(port), '--log', log, '--no-demo', '--session-ttl', '2h', '--max-sessions', String(Math.max(sessions, 1))]);
  await firstAnswer('GET', `${base}/__mock/health`, (s) => s === 200, performance.now());
  const vineKey = (JSON.parse(await sendExpecting(201, 'POST', `${base}/__mock/vine/keys`, { body: '{"name":"bench"}' })) as { key: { id: string } }).key;
  const project = JSON.parse(await sendExpecting(201, 'POST', `${base}/__mock/langwatch/projects`, { body: '{}' })) as { id: string; api_key: string };
  const seeded = await sendExpecting(201, 'POST', `${base}/__mock/langwatch/virtual-keys`, { body: JSON.stringify({ project_id: project.id, name: 'bench' }) });
  const virtualKey = (JSON.parse(seeded) as { virtual_key: { id: string } }).virtual_key;
  // A session is a world of its own: its Vine key is created there. The others are only alive.
  let sessionVineUrl = '';
  if (sessions > 0) {
    const sessionKey = (JSON.parse(await sendExpecting(201, 'POST', `${base}/__mock/vine/keys`, { body: '{"name":"bench"}', headers: SESSION })) as { key: { id: string } }).key;
    sessionVineUrl = `${base}/api/v1/keys/${sessionKey.id}/revoke`;
    for (let i = 1; i < sessions; i++) await sendExpecting(200, 'GET', `${base}/__mock/clock`, { headers: { 'x-revokit-session': `bench-${i}` } });
  }
  return {
    base,
    sessionVineUrl,
    pid: child.pid,
    vineUrl: `${base}/api/v1/keys/${vineKey.id}/revoke`,
    rotateUrl: `${base}/api/gateway/v1/virtual-keys/${virtualKey.id}/rotate`,
    auth: { 'x-auth-token': project.api_key },
  };
}

async function startContenders(context: BenchContext, base: Pick<LoadRequest, 'connections' | 'seconds'>): Promise<Contenders> {
  const cli = builtCli(context.root);
  const otherCli = process.env.BENCH_BASELINE_CLI;
  const prismBin = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
  const bare = join(context.root, 'scripts/bench/bare-server.mjs');
  const [prismPort, bareVinePort, bareRotatePort] = await Promise.all([freePort(), freePort(), freePort()]);

  // Prism takes seconds to start: start it first.
  const prism = startNode([prismBin, 'mock', '--host', '127.0.0.1', '--port', String(prismPort), join(context.root, 'specs/vine.yaml')]);
  const ours = await startOurs(cli);
  const other = otherCli ? await startOurs(isAbsolute(otherCli) ? otherCli : resolve(otherCli)) : undefined;
  const logged = await startOurs(cli, { log: 'pretty', sessions: 0 });
  const crowded = await startOurs(cli, { log: 'pretty', sessions: LIVE_SESSIONS });

  // The bare servers send what ours sends: the revoke answer itself, and one rotate answer
  // (every later one has the same shape and length; only the secret and revision differ).
  const vineBody = await sendExpecting(200, 'POST', ours.vineUrl);
  const rotateBody = await sendExpecting(200, 'POST', ours.rotateUrl, { headers: ours.auth });
  const bareVine = startNode([bare, String(bareVinePort), vineBody]);
  const bareRotate = startNode([bare, String(bareRotatePort), rotateBody]);

  const vinePath = new URL(ours.vineUrl).pathname;
  const rotatePath = new URL(ours.rotateUrl).pathname;
  const prismUrl = `http://127.0.0.1:${prismPort}${vinePath}`;
  const bareVineUrl = `http://127.0.0.1:${bareVinePort}${vinePath}`;
  const bareRotateUrl = `http://127.0.0.1:${bareRotatePort}${rotatePath}`;
  context.log('waiting for prism mock and the bare servers');
  await Promise.all([prismUrl, bareVineUrl, bareRotateUrl].map((url) => firstAnswer('POST', url, (s) => s === 200, performance.now())));

  const contender = (key: string, label: string, pid: number | undefined, url: string, headers?: Record<string, string>): Contender => ({
    key,
    label,
    pid,
    load: { ...base, url, method: 'POST', ...(headers ? { headers } : {}) },
    rps: [],
    p99Ms: [],
    cpuUs: [],
  });
  return {
    oursVine: contender('revokit-vine', 'revokit-mock', ours.pid, ours.vineUrl),
    otherVine: other && contender('other-build-vine', `revokit-mock, ${otherCli}`, other.pid, other.vineUrl),
    prismVine: contender('prism-vine', 'prism mock specs/vine.yaml', prism.pid, prismUrl),
    bareVine: contender('bare-vine', 'bare node:http, same body', bareVine.pid, bareVineUrl),
    oursRotate: contender('revokit-rotate', 'revokit-mock', ours.pid, ours.rotateUrl, ours.auth),
    otherRotate: other && contender('other-build-rotate', `revokit-mock, ${otherCli}`, other.pid, other.rotateUrl, other.auth),
    bareRotate: contender('bare-rotate', 'bare node:http, same body', bareRotate.pid, bareRotateUrl, ours.auth),
    oursVineLogged: contender('revokit-vine-logged', 'revokit-mock, log on, no session', logged.pid, logged.vineUrl),
    oursVineSessions: contender('revokit-vine-256-sessions', `revokit-mock, log on, in a session of ${LIVE_SESSIONS}`, crowded.pid, crowded.sessionVineUrl, SESSION),
  };
}

function figures(c: Contenders, generator: string, rounds: number, seconds: number): Figure[] {
  const how = `${generator}, ${CONNECTIONS} connections, median of ${rounds} × ${seconds} s`;
  const versus = (id: string, label: string, ours: Contender, baseline: Contender, target?: number): Figure =>
    figure({
      id,
      label,
      value: median(ours.rps),
      unit: 'req/s',
      baseline: { label: baseline.label, value: median(baseline.rps) },
      ...(target === undefined ? {} : { target: { op: '>=' as const, ratio: target } }),
      note: `${how}; p99 ${median(ours.p99Ms).toFixed(2)} ms vs ${median(baseline.p99Ms).toFixed(2)} ms`,
    });
  // What each answer cost the server in CPU: steadier than req/s on a shared machine, and the
  // reason behind a throughput ratio when the server, not the load generator, is saturated.
  const cpu = (id: string, label: string, ours: Contender, baseline: Contender, target?: number): Figure[] =>
    ours.cpuUs.length === 0 || baseline.cpuUs.length === 0
      ? []
      : [
          figure({
            id,
            label,
            value: median(ours.cpuUs),
            unit: 'µs CPU/answer',
            baseline: { label: baseline.label, value: median(baseline.cpuUs) },
            note: `user + system time of the server process over each turn, per answer (${how})${target ? `; a throughput ratio of ${target}x needs at most ${(1 / target).toFixed(2)}x here` : ''}`,
          }),
        ];
  // No node:http server can beat the bare one: its own multiple of Prism is the ceiling of ours.
  const vsPrism = versus('server.vine-revoke.vs-prism', 'server: Vine revoke', c.oursVine, c.prismVine, TARGETS.vineVsPrism);
  vsPrism.note += `; bare node:http itself: ${(median(c.bareVine.rps) / median(c.prismVine.rps)).toFixed(1)}x prism`;
  const list = [
    vsPrism,
    versus('server.vine-revoke.vs-bare', 'server: Vine revoke', c.oursVine, c.bareVine, TARGETS.vineVsBare),
    ...cpu('server.vine-revoke.cpu-vs-bare', 'server: Vine revoke, CPU', c.oursVine, c.bareVine, TARGETS.vineVsBare),
    versus('server.langwatch-rotate.vs-bare', 'server: LangWatch rotate', c.oursRotate, c.bareRotate, TARGETS.rotateVsBare),
    ...cpu('server.langwatch-rotate.cpu-vs-bare', 'server: LangWatch rotate, CPU', c.oursRotate, c.bareRotate, TARGETS.rotateVsBare),
    versus('server.vine-revoke.sessions-vs-none', `server: Vine revoke in a session, ${LIVE_SESSIONS} live, log on`, c.oursVineSessions, c.oursVineLogged, TARGETS.sessionsVsNone),
    ...cpu('server.vine-revoke.sessions-cpu-vs-none', `server: Vine revoke in a session, ${LIVE_SESSIONS} live, log on, CPU`, c.oursVineSessions, c.oursVineLogged),
  ];
  if (c.otherVine) {
    list.push(
      versus('server.vine-revoke.vs-other-build', 'server: Vine revoke', c.oursVine, c.otherVine),
      ...cpu('server.vine-revoke.cpu-vs-other-build', 'server: Vine revoke, CPU', c.oursVine, c.otherVine),
    );
  }
  if (c.otherRotate) {
    list.push(
      versus('server.langwatch-rotate.vs-other-build', 'server: LangWatch rotate', c.oursRotate, c.otherRotate),
      ...cpu('server.langwatch-rotate.cpu-vs-other-build', 'server: LangWatch rotate, CPU', c.oursRotate, c.otherRotate),
    );
  }
  return list;
}
