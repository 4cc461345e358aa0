// SDK end to end: the LangWatch revoke through the client against the same request by raw
// fetch, to a bare node:http server in a child process, over keep-alive loopback connections.
// Loopback timing is noisy here (2 shared cores), so the two alternate in many short rounds
// and each figure is the median of its rounds.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createLangWatchClient } from '@revokit/langwatch';
import { PROJECT_KEY } from '../../../packages/langwatch/src/testing/fixtures.ts';
import { figure, type BenchPart } from '../figure.ts';
import { interleave } from './sdk-timing.ts';

export const part: BenchPart = {
  name: 'sdk-e2e',
  async run(context) {
    const child = fork(new URL('./sdk-e2e-server.ts', import.meta.url), { cwd: context.root, execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    try {
      const [port] = (await Promise.race([
        once(child, 'message'),
        once(child, 'exit').then(([code]) => Promise.reject(new Error(`bench server exited with ${code}`))),
      ])) as [number];
      const baseUrl = `http://127.0.0.1:${port}`;
      const url = `${baseUrl}/api/gateway/v1/virtual-keys/vk_1/revoke`;
      const lw = createLangWatchClient({ baseUrl, apiKey: PROJECT_KEY, maxRetries: 0 });
      context.log('LangWatch virtualKeys.revoke: client against raw fetch, same server (interleaved, wall time)');
      const times = await interleave(
        [
          {
            name: 'raw fetch',
            call: async () => (await fetch(url, { method: 'POST', headers: { 'X-Auth-Token': PROJECT_KEY } })).json(),
          },
          { name: 'client', call: () => lw.virtualKeys.revoke('vk_1') },
        ],
        context.smoke ? { rounds: 3, callsPerRound: 50, warmupCalls: 100 } : { rounds: 61, callsPerRound: 200, warmupCalls: 2000 },
      );
      const label = '@revokit/langwatch virtualKeys.revoke, loopback round trip';
      return [
        figure({
          id: 'sdk.e2e.langwatch-revoke.vs-raw-fetch',
          label,
          value: times.wall.get('client')!,
          unit: 'µs',
          baseline: { label: 'raw fetch, same server', value: times.wall.get('raw fetch')! },
          target: { op: '<=', ratio: 1.05 },
          note: 'wall time; bare node:http server in a child process; medians of interleaved rounds',
        }),
        figure({
          id: 'sdk.e2e.langwatch-revoke.vs-raw-fetch.cpu',
          label: `${label}, client-process CPU`,
          value: times.cpu.get('client')!,
          unit: 'µs CPU',
          baseline: { label: 'raw fetch, same server', value: times.cpu.get('raw fetch')! },
          note: 'the same rounds on the CPU clock of the calling process: steadier than wall time on a loaded machine',
        }),
      ];
    } finally {
      child.kill('SIGTERM');
    }
  },
};
