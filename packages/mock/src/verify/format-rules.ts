// Values that differ by nature between two services (ids, secrets, times) are not compared with
// each other: each side's value is held to the real format rule, the one the mock mints by
// (core/langwatch/formats.ts, core/vine/formats.ts, core/iso-time.ts).
import { ISO_TIME } from '../core/iso-time.js';
import { patterns as langwatch } from '../core/langwatch/formats.js';
import { displayPrefixLength } from '../core/langwatch/state.js';
import { patterns as vine } from '../core/vine/formats.js';
import { keyPrefixLength } from '../core/vine/state.js';
import { MissingValue, type FormatRule, type ValueName } from './step.js';

const matching = (pattern: RegExp, describe: string, secret = false): FormatRule => ({
  describe,
  secret,
  check: (value) => typeof value === 'string' && pattern.test(value),
});

const orNull = (rule: FormatRule): FormatRule => ({ ...rule, describe: `${rule.describe}, or null`, check: (value, ...rest) => value === null || rule.check(value, ...rest) });

/** The first `length` characters of a secret: the one in the same answer, else the one this side learnt. */
function prefixOf(length: number, inAnswer: (body: any) => unknown, learnt: ValueName, describe: string): FormatRule {
  return {
    describe,
    check(value, context, body) {
      const sent = inAnswer(body);
      try {
        const secret = typeof sent === 'string' ? sent : context.value(learnt);
        return typeof value === 'string' && value === secret.slice(0, length);
      } catch (error) {
        if (error instanceof MissingValue) return typeof value === 'string'; // nothing to hold it to
        throw error;
      }
    },
  };
}

const isoTime = matching(ISO_TIME, 'an ISO 8601 time as toISOString writes it (2026-05-21T10:11:12.345Z)');

export const formatRules = {
  isoTime,
  isoTimeOrNull: orNull(isoTime),
  virtualKeyId: matching(langwatch.virtualKeyId, 'vk_ + 22 base64url characters'),
  virtualKeySecret: matching(langwatch.virtualKeySecret, 'lw_vk_{live|test}_ + a 26-character ULID (37 characters)', true),
  displayPrefix: prefixOf(displayPrefixLength, (body) => body?.secret, 'vk.secret', `the first ${displayPrefixLength} characters of the key's secret`),
  apiKeyToken: matching(langwatch.apiKeyToken, 'sk-lw- + 16 base62 + _ + 48 base62', true),
  apiKeyRowId: matching(langwatch.apiKeyRowId, '21 nanoid characters (A-Za-z0-9_-)'),
  vineKeyId: matching(vine.keyId, 'a cuid: c + 24 lowercase alphanumerics (the length is the mock\'s guess)'),
  vinePlaintext: matching(vine.plaintext, 'vine_{live|test}_ + base62', true),
  vineKeyPrefix: prefixOf(keyPrefixLength, (body) => body?.key?.plaintext, 'vine.plaintext', `the first ${keyPrefixLength} characters of the key's plaintext`),
} as const satisfies Record<string, FormatRule>;

/** A value's shape without its text: length and scheme, for a credential that failed its rule. */
export function secretShape(value: unknown): string {
  if (typeof value !== 'string') return value === null ? 'null' : typeof value;
  const scheme = /^[A-Za-z]{2,6}[-_][A-Za-z]{2,6}[-_](?:(?:live|test)_)?/.exec(value)?.[0];
  return `${value.length} characters${scheme ? `, starting "${scheme}"` : ''}`;
}
