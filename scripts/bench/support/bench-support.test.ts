// The bench's own logic: reading wrk, medians, the verdict that sets the exit status, the table.
import { describe, expect, it } from 'vitest';
import { figure } from '../figure.ts';
import { parseWrk } from './load.ts';
import { median } from './stats.ts';
import { formatReport } from './table.ts';
import { verdict } from './verdict.ts';

const WRK_REPORT = `Running 1s test @ http://127.0.0.1:5301/x
  1 threads and 20 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.17ms   23.84ms 178.36ms   90.93%
    Req/Sec     3.87k     1.97k    7.74k    80.00%
  Latency Distribution
     50%    4.09ms
     75%    8.15ms
     90%   30.08ms
     99%  127.86ms
  4041 requests in 1.08s, 635.35KB read
Requests/sec:   3742.29
Transfer/sec:    588.39KB
`;

describe('parseWrk', () => {
  it('reads requests per second, the answer count and the p99 in ms', () => {
    expect(parseWrk('u', WRK_REPORT)).toEqual({ rps: 3742.29, requests: 4041, p99Ms: 127.86 });
    expect(parseWrk('u', WRK_REPORT.replace('127.86ms', '950.00us')).p99Ms).toBeCloseTo(0.95);
    expect(parseWrk('u', WRK_REPORT.replace('127.86ms', '1.50s')).p99Ms).toBe(1500);
  });

  it('refuses a run with error answers or socket errors: it measured something else', () => {
    const with404 = WRK_REPORT.replace('Requests/sec', '  Non-2xx or 3xx responses: 12\nRequests/sec');
    expect(() => parseWrk('http://x/', with404)).toThrow(/12 non-2xx/);
    const withReset = WRK_REPORT.replace('Requests/sec', '  Socket errors: connect 0, read 3, write 0, timeout 1\nRequests/sec');
    expect(() => parseWrk('http://x/', withReset)).toThrow(/4 socket errors/);
  });

  it('refuses a report it cannot read', () => {
    expect(() => parseWrk('http://x/', 'unable to connect to 127.0.0.1:1 Connection refused')).toThrow(/cannot read/);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});

const met = figure({ id: 'a', label: 'A', value: 30, unit: 'req/s', baseline: { label: 'base', value: 10 }, target: { op: '>=', ratio: 2 } });
const missed = figure({ id: 'b', label: 'B', value: 12, unit: 'ms', baseline: { label: 'base', value: 10 }, target: { op: '<=', ratio: 1.1 } });
const untargeted = figure({ id: 'c', label: 'C', value: 1, unit: 'ms', baseline: { label: 'base', value: 4 } });
const ran = { name: 'p', ok: true, durationMs: 1 };
const crashed = { name: 'q', ok: false, durationMs: 1, error: 'prism did not start' };

describe('verdict', () => {
  it('fails a full run on a missed target or a failed part, after all parts ran', () => {
    expect(verdict(false, [ran], [met, untargeted]).ok).toBe(true);
    expect(verdict(false, [ran], [met, missed])).toMatchObject({ ok: false, missed: [missed] });
    expect(verdict(false, [ran, crashed], [met])).toMatchObject({ ok: false, failed: [crashed] });
  });

  it('fails a smoke run only on a failed part', () => {
    expect(verdict(true, [ran], [met, missed]).ok).toBe(true);
    expect(verdict(true, [ran, crashed], [met]).ok).toBe(false);
  });
});

describe('formatReport', () => {
  it('prints each figure with its baseline, ratio, target and verdict, and the parts that failed', () => {
    const report = formatReport([met, missed, untargeted], [ran, crashed]);
    const lines = report.split('\n');
    expect(lines.find((line) => line.includes(' A '))).toMatch(/30\.0 req\/s\s+base: 10\.0 req\/s\s+3\.00x\s+>= 2x\s+pass$/);
    expect(lines.find((line) => line.includes(' B '))).toMatch(/1\.20x\s+<= 1\.1x\s+MISS$/);
    expect(lines.find((line) => line.includes(' C '))).toMatch(/0\.25x\s+-\s+no target$/);
    expect(report).toContain('q: prism did not start');
  });
});
