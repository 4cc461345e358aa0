// What verify knows before it runs: where the mock differs from the real service on purpose. Each
// entry is a row of docs/divergences.md (named by its section and first cell, verbatim) and says
// which differences that row explains. test/docs/verify-divergences.test.ts holds the two
// together: every row named here exists there, and every row there that marks the mock as
// differing (**mock-only**, **partial**, **mock choice**, or the real service's **a bug**) is here, or in
// NOT_OBSERVED with the reason the scenario cannot see it.
import type { Plane } from './step.js';

/** What of an answer a difference is about. */
export type Aspect = 'status' | 'body' | 'error' | 'fields' | 'types' | 'format' | 'state' | 'request-id' | 'propagation';

/** A value as the report shows it: short, and never a secret. */
export type Shown = string | number | boolean | null;

export interface DocRow {
  /** The `## ` heading of docs/divergences.md the row is under. */
  section: string;
  /** The row's first cell, verbatim. */
  row: string;
}

export interface KnownDifference {
  id: string;
  doc: DocRow;
  /**
   * documented: the mock differs on purpose (mock-only, or the spec followed over a bug of the
   * real service): reported as such, not as drift. option: production changed and an option of the
   * mock models it: drift, unless verify's reference runs with that option too.
   */
  kind: 'documented' | 'option';
  /** For kind "option": the flag that models production (the same on `revokit-mock` and on `verify`). */
  option?: string;
  /** The differences it explains: all the given conditions hold. */
  match: {
    aspect: Aspect;
    steps?: readonly string[];
    /** Steps whose request goes to one of these planes. */
    planes?: readonly Plane[];
    paths?: readonly string[];
    mock?: Shown;
    target?: Shown;
  };
  note: string;
}

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    id: 'app-api-request-id',
    doc: { section: 'LangWatch app API: credentials', row: 'X-Request-Id on the app API' },
    kind: 'documented',
    match: { aspect: 'request-id', planes: ['api'], mock: 'req_ + 30 hex', target: 'none' },
    note: 'mock-only: the mock mints an X-Request-Id on the app API too; the real app sends none',
  },
  {
    id: 'vk-answer-fields',
    doc: { section: 'LangWatch app API: answers', row: 'Response body of every virtual-key route' },
    kind: 'documented',
    match: {
      aspect: 'fields',
      planes: ['api'],
      paths: ['virtual_key', 'data[@vk.id]'].flatMap((key) => ['config', 'updated_at', 'revoked_at', 'fallback_chain_length'].map((field) => `${key}.${field}`)),
      mock: 'absent',
    },
    note: 'the real service also sends config, updated_at, revoked_at and fallback_chain_length; the mock sends the spec\'s fields',
  },
  {
    id: 'rotate-revoked-500',
    doc: { section: 'LangWatch app API: answers', row: 'Rotate a revoked key' },
    kind: 'documented',
    match: { aspect: 'status', steps: ['vk.rotate-revoked'], mock: 400, target: 500 },
    note: 'the service of the specs\' time answered 500 by a bug; the mock follows the spec\'s 400',
  },
  {
    id: 'update-revoked-500',
    doc: { section: 'Virtual keys: list, create, get, update', row: 'Update: a revoked key' },
    kind: 'documented',
    match: { aspect: 'status', steps: ['vk.update-revoked'], mock: 400, target: 500 },
    note: 'the service of the specs\' time answered 500 by a bug; the mock follows the spec\'s 400, in production\'s body',
  },
  {
    id: 'revoked-key-500',
    doc: { section: 'LangWatch gateway (data plane)', row: 'Revoked key, once the gateway knows' },
    kind: 'documented',
    match: { aspect: 'status', steps: ['gateway.propagation', 'gateway.revoked-secret'], target: 500 },
    note: 'the gateway of the specs\' time answered 500 by a bug; the mock follows the spec\'s 401',
  },
  {
    id: 'revoked-key-403',
    doc: { section: 'LangWatch gateway (data plane)', row: 'Revoked key, once the gateway knows' },
    kind: 'option',
    option: '--revoked-status 403',
    match: { aspect: 'status', steps: ['gateway.propagation', 'gateway.revoked-secret'], mock: 401, target: 403 },
    note: 'production answers a revoked key with 403 since 75ae272c48 (2026-08-04); the spec says 401',
  },
  {
    id: 'models-list',
    doc: { section: 'LangWatch gateway (data plane)', row: '`GET /v1/models`' },
    kind: 'documented',
    match: { aspect: 'types', planes: ['gateway'], paths: ['data'], mock: 'array', target: 'null' },
    note: 'the gateway of the specs\' time listed no models (data: null); the mock lists two, which clients read',
  },
  {
    id: 'gateway-missing-key-message',
    doc: { section: 'LangWatch gateway (data plane)', row: 'Missing key' },
    kind: 'documented',
    match: { aspect: 'error', steps: ['gateway.missing-key'], paths: ['error.message'] },
    note: 'the mock sends production\'s message, which names the four key headers it accepts',
  },
  {
    id: 'vine-detect-partial',
    doc: { section: 'Vine', row: '`POST /api/v1/detect`, active key' },
    kind: 'documented',
    match: { aspect: 'fields', steps: ['vine.detect'], mock: 'absent' },
    note: 'partial: the mock detects nothing, and sends only schemaVersion, url and providers',
  },
];

/** Rows of docs/divergences.md that mark the mock as differing, which this scenario cannot see, and why. */
export const NOT_OBSERVED: ReadonlyArray<DocRow & { why: string }> = [
  { section: 'Virtual keys: list, create, get, update', row: 'List: keys created at the same instant', why: 'the scenario lists one key of its own, made alone' },
  { section: 'Virtual keys: list, create, get, update', row: 'Create and update: a body that is not JSON', why: 'the scenario sends JSON bodies only' },
  { section: 'Virtual keys: list, create, get, update', row: 'Create and update: provider credentials the project cannot use', why: 'the scenario names the provider credential the environment gives, which the project can use' },
  { section: 'Admin API keys: list and create', row: 'Create: JSON that does not parse', why: 'the scenario sends JSON bodies only' },
  { section: 'Admin API keys: list and create', row: 'Create: the same role twice on one scope', why: 'the scenario creates a service key without bindings' },
  { section: 'Provider credentials', row: 'Which exist', why: 'the target\'s provider credential comes from the environment, the mock\'s from its demo project: neither is created' },
  { section: 'LangWatch gateway (data plane)', row: '`stream: true` on `/v1/messages`', why: 'the scenario streams nothing' },
  { section: 'LangWatch gateway (data plane)', row: 'Unknown route under `/v1/` (`/v1/responses`, …)', why: 'the scenario calls only routes the gateway has' },
  { section: 'LangWatch gateway (data plane)', row: 'Another method on a known route', why: 'the scenario calls each route with its own method' },
  { section: 'LangWatch gateway (data plane)', row: 'Embeddings limits', why: 'the scenario calls only /v1/models on the data plane' },
  { section: 'LangWatch gateway (data plane)', row: 'Model names', why: 'the scenario calls only /v1/models on the data plane, which takes no model' },
];
