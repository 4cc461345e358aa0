// What the scenario's steps share: routes, credential headers, made-up credentials and ids that
// exist nowhere, and small readers for facts.
import { isObject } from '../paths.js';
import { MissingValue, type Answer, type Fact, type StepContext, type ValueName } from '../step.js';

export const VIRTUAL_KEYS = '/api/gateway/v1/virtual-keys';
export const API_KEYS = '/api/api-keys';
export const VINE_KEYS = '/api/v1/keys';

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
export const id = (context: StepContext, name: ValueName) => encodeURIComponent(context.value(name));

/**
 * Credentials in the right format that belong to no one, and ids no service has: what "wrong"
 * and "unknown" mean in the scenario. They are labelled in --dry-run's listing.
 */
export const MADE_UP = {
  projectKey: `sk-lw-revokitVerifyNotAKey${'0'.repeat(28)}`,
  adminKey: `sk-lw-revokitVerifyNo0_${'0'.repeat(48)}`,
  virtualKeySecret: `lw_vk_live_${'0'.repeat(26)}`,
  vineKey: `vine_test_revokitVerifyNotAKey${'0'.repeat(12)}`,
  virtualKeyId: 'vk_revokitVerifyNoSuchKey',
  apiKeyId: 'revokitVerifyNoSuchId',
  vineKeyId: 'crevokitverifynosuchkey00',
} as const;

export const MADE_UP_LABELS: ReadonlyMap<string, string> = new Map([
  [MADE_UP.projectKey, '{a made-up project key}'],
  [MADE_UP.adminKey, '{a made-up admin key}'],
  [MADE_UP.virtualKeySecret, '{a made-up virtual-key secret}'],
  [MADE_UP.vineKey, '{a made-up Vine key}'],
]);

/** Every description this run writes says who wrote it. */
export const CREATED_BY = 'Created by revokit-mock verify; revoked at the end of its run';
export const UPDATED_BY = 'Updated by revokit-mock verify';

/** The object at `key` of an answer's body, or an empty one. */
export const field = (answer: Answer, key: string): Record<string, unknown> => {
  const body = answer.body;
  return isObject(body) && isObject(body[key]) ? body[key] : {};
};

/** A value this side learnt, or undefined (facts must not throw). */
export function learnt(context: StepContext, name: ValueName): string | undefined {
  try {
    return context.value(name);
  } catch (error) {
    if (error instanceof MissingValue) return undefined;
    throw error;
  }
}

/** "as sent" when `actual` is what the run sent, else its JSON type (never the value: it may be anything). */
export const asSent = (actual: unknown, sent: unknown): Fact => (JSON.stringify(actual) === JSON.stringify(sent) ? 'as sent' : actual === undefined ? 'absent' : `other ${actual === null ? 'null' : typeof actual}`);

/** A short string fact: the value when it is a plain word (a status, an enum), else its type. */
export const word = (value: unknown): Fact => (typeof value === 'string' && /^[\w.:-]{0,40}$/.test(value) ? value : value === undefined ? 'absent' : value === null ? null : typeof value);

/** "+2": how far a revision moved from the one this side's key was created with. */
export function revisionStep(revision: unknown, context: StepContext): Fact {
  const created = Number(learnt(context, 'vk.createdRevision'));
  const now = typeof revision === 'string' ? Number(revision) : Number.NaN;
  if (!Number.isInteger(now) || !Number.isInteger(created)) return word(revision);
  return `+${now - created}`;
}

/** Whether the list at `key` holds the item with this side's `name` id, and whether first (newest first). */
export function inList(answer: Answer, key: string, context: StepContext, name: ValueName): Record<string, Fact> {
  const list = isObject(answer.body) ? answer.body[key] : undefined;
  const wanted = learnt(context, name);
  if (!Array.isArray(list) || wanted === undefined) return { listed: 'no list' };
  const index = list.findIndex((item) => isObject(item) && item.id === wanted);
  return { listed: index >= 0, first: index === 0 };
}
