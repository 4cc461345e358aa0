import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { describeIssue, formatPath, validatorFor } from './validation.js';

const schema = z.object({
  virtual_key: z.object({ status: z.enum(['active', 'revoked']), ids: z.array(z.string()), secret: z.string() }),
  at: z.optional(z.iso.datetime({ offset: true })),
});
const validate = validatorFor({ op: { 200: schema } });
const good = { virtual_key: { status: 'active', ids: ['a'], secret: 's' } };

describe('validatorFor', () => {
  it('passes a good body', () => {
    expect(validate('op', 200, good)).toBeUndefined();
  });

  it('names the first bad field and what was expected', () => {
    expect(validate('op', 200, { virtual_key: { ...good.virtual_key, status: 'paused' } })).toEqual({
      path: 'virtual_key.status',
      problem: 'expected one of "active" | "revoked"',
    });
    expect(validate('op', 200, { virtual_key: { ...good.virtual_key, ids: ['a', 7] } })).toEqual({ path: 'virtual_key.ids[1]', problem: 'expected string, received number' });
    expect(validate('op', 200, { virtual_key: { status: 'active', ids: [] } })).toEqual({ path: 'virtual_key.secret', problem: 'expected string, received nothing' });
    expect(validate('op', 200, { ...good, at: 'yesterday' })).toEqual({ path: 'at', problem: 'expected datetime format' });
    expect(validate('op', 200, null)).toEqual({ path: '', problem: 'expected object, received null' });
  });

  it('never quotes the received value', () => {
    const problem = validate('op', 200, { virtual_key: { ...good.virtual_key, status: 'lw_vk_live_Leaked' } });
    expect(JSON.stringify(problem)).not.toContain('Leaked');
  });

  it('reports a status the spec does not document', () => {
    expect(validate('op', 201, good)).toEqual({ path: '', problem: 'status 201 is not documented for this operation' });
    expect(validate('other', 200, good)?.problem).toMatch(/not documented/);
  });
});

describe('describeIssue', () => {
  it('handles unknown codes and a missing issue', () => {
    expect(describeIssue({ code: 'too_small', path: ['a', 0] }, {})).toEqual({ path: 'a[0]', problem: 'too small' });
    expect(describeIssue(undefined, {})).toEqual({ path: '', problem: 'invalid' });
    expect(describeIssue({ code: 'unrecognized_keys', path: [], keys: ['x', 'y'] }, {})).toEqual({ path: '', problem: 'unexpected keys x, y' });
  });

  it('formats paths', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath([0])).toBe('[0]');
    expect(formatPath(['a', 1, 'b'])).toBe('a[1].b');
  });
});
