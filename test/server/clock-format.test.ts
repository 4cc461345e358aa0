// POST /__mock/clock { now }: only an ISO 8601 (RFC 3339) date-time with seconds and an
// explicit offset, on a real calendar date, means the same instant on every machine. Run
// under two time zones: a value the server read in its own zone would move between them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useServer } from './support/server.js';

const api = useServer({ clock: 'frozen' });

const ACCEPTED: Array<[string, string]> = [
  ['2030-03-07T10:00:00Z', '2030-03-07T10:00:00.000Z'],
  ['2030-03-07t10:00:00z', '2030-03-07T10:00:00.000Z'],
  ['2030-03-07T11:30:00+01:30', '2030-03-07T10:00:00.000Z'],
  ['2030-03-07T05:00:00-05:00', '2030-03-07T10:00:00.000Z'],
  ['2030-03-07T10:00:00.5Z', '2030-03-07T10:00:00.500Z'],
  ['2030-03-07T10:00:00.123456789Z', '2030-03-07T10:00:00.123Z'],
  ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
  ['2000-02-29T23:59:59+00:00', '2000-02-29T23:59:59.000Z'],
  ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
  ['2030-01-01T00:30:00+01:00', '2029-12-31T23:30:00.000Z'],
];

const REFUSED = [
  '2030',
  '2030-03',
  '2030-03-07',
  '1/2/2030',
  'March 7, 2030 10:00',
  'Thu, 07 Mar 2030 10:00:00 GMT',
  '2030-03-07T10:00:00', // no offset: the server's time zone would decide
  '2030-03-07T10:00Z', // no seconds
  '2030-03-07 10:00:00Z',
  '2030-02-30T00:00:00Z',
  '2029-02-29T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2030-04-31T00:00:00Z',
  '2030-13-01T00:00:00Z',
  '2030-00-10T00:00:00Z',
  '2030-03-00T00:00:00Z',
  '2030-03-07T24:00:00Z',
  '2030-03-07T10:60:00Z',
  '2030-03-07T10:00:60Z',
  '2030-03-07T10:00:00+24:00',
  '2030-03-07T10:00:00+0100',
  '2030-03-07T10:00:00+01',
  '+002030-03-07T10:00:00Z',
  '2030-03-07T10:00:00.Z',
  ' 2030-03-07T10:00:00Z',
  '2030-03-07T10:00:00Z\n',
  '２０３０-03-07T10:00:00Z',
  '',
];

for (const zone of ['Pacific/Kiritimati', 'America/St_Johns']) {
  describe(`TZ=${zone}`, () => {
    const saved = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      process.env.TZ = saved;
    });

    it('the zone is in effect (so that a value read in local time would differ)', () => {
      const expectedOffset = zone === 'Pacific/Kiritimati' ? -14 * 60 : 3.5 * 60;
      expect(new Date(2030, 0, 1).getTimezoneOffset()).toBe(expectedOffset);
    });

    it.each(ACCEPTED)('%s → the clock stands at %s', async (now, expected) => {
      const reply = await api.post('/__mock/clock', { now });
      expect(reply.status).toBe(200);
      expect(reply.body.now).toBe(expected);
    });

    it.each(REFUSED)('%j → 400 naming "now", clock unchanged', async (now) => {
      await api.post('/__mock/clock', { now: '2031-01-01T00:00:00Z' });
      const reply = await api.post('/__mock/clock', { now });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ error: 'bad_request', field: 'now', message: expect.stringMatching(/^now: /) });
      expect((await api.get('/__mock/clock')).body.now).toBe('2031-01-01T00:00:00.000Z');
    });
  });
}

it('a calendar mistake says what is wrong', async () => {
  expect((await api.post('/__mock/clock', { now: '2030-02-30T00:00:00Z' })).body.message).toBe('now: "2030-02-30T00:00:00Z" is not a date: February 2030 has 28 days');
  expect((await api.post('/__mock/clock', { now: '2030-03-07T10:00:00' })).body.message).toMatch(/with seconds and an offset \(e\.g\. 2030-03-07T10:00:00Z/);
});
