// The dashboard's one-line account of an answer, in every envelope the mock speaks.
import { expect, it } from 'vitest';
import { describeReply } from '../../packages/mock/ui/src/api.js';

const reply = (status: number, body: unknown) => ({ status, body }) as Parameters<typeof describeReply>[0];

it('says the gateway code once when the message is the code itself', () => {
  expect(describeReply(reply(401, { error: { type: 'virtual_key_revoked', code: 'virtual_key_revoked', message: 'virtual_key_revoked' } }))).toBe('401 virtual_key_revoked');
});

it('keeps a message that says more than the code', () => {
  expect(describeReply(reply(400, { error: { type: 'bad_request', code: 'bad_request', message: 'missing model field' } }))).toBe('400 bad_request missing model field');
  expect(describeReply(reply(404, { error: 'Virtual key not found', message: 'Virtual key not found' }))).toBe('404 Virtual key not found');
  expect(describeReply(reply(409, { error: 'Conflict', message: 'API Key is already revoked' }))).toBe('409 Conflict API Key is already revoked');
});
