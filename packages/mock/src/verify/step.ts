// A step of the verify scenario, as data: the request it makes (from what earlier steps learnt),
// what it learns from the answer, the state facts both sides must agree on, and how much of the
// answer's shape and which formats to compare. The runner sends it to both sides; the comparator
// reads the rest.
/** A group of steps that needs its own credentials, and is skipped (and reported) without them. */
export type Part = 'virtual-keys' | 'admin' | 'vine';

/** Which base URL a request goes to: LangWatch's app API, its gateway, or Vine. */
export type Plane = 'api' | 'gateway' | 'vine';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface StepRequest {
  method: Method;
  plane: Plane;
  /** Path under the plane's base URL, percent-encoded. */
  path: string;
  headers?: Readonly<Record<string, string>>;
  /** Sent as JSON (with `Content-Type: application/json`). */
  body?: unknown;
}

/** The credentials a side runs with: the target's from the environment, the mock's its demo ones. */
export type CredentialName = 'projectKey' | 'adminKey' | 'providerCredentialId';

/** What steps learn from earlier answers, per side. */
export type ValueName =
  | 'vk.id'
  | 'vk.secret'
  | 'vk.previousSecret'
  | 'vk.createdRevision'
  | 'vk.revokedRevision'
  | 'admin.id'
  | 'admin.token'
  | 'vine.id'
  | 'vine.plaintext'
  | 'vine.revokedAt';

/** Values that are credentials: never printed, and redacted from every output. */
export const SECRET_VALUES: ReadonlySet<ValueName> = new Set<ValueName>(['vk.secret', 'vk.previousSecret', 'admin.token', 'vine.plaintext']);

export interface StepContext {
  /** `revokit-verify-<time>`: the name of everything this run creates, the same on both sides. */
  readonly runName: string;
  credential(name: CredentialName): string;
  /** Throws MissingValue when no earlier step of this side produced it. */
  value(name: ValueName): string;
}

/** A value a step needs that an earlier step did not produce (on this side): the step is not run there. */
export class MissingValue extends Error {
  override name = 'MissingValue';
  constructor(readonly value: ValueName) {
    super(`needs ${value}, which no earlier step produced`);
  }
}

/** What a side answered, as the scenario reads it. */
export interface Answer {
  status: number;
  /** The parsed JSON body; undefined when there was none or it was not JSON. */
  body: unknown;
  /** Whether the body was JSON. */
  json: boolean;
  /** The X-Request-Id header, if any. */
  requestId: string | undefined;
}

/** A fact both sides must agree on: a short, secret-free value. */
export type Fact = string | number | boolean | null;

/** How much of a 2xx or error body's shape (field paths and JSON types) is compared. */
export type ShapeRule =
  | 'full'
  /** Only the top-level fields and their types (the items are the service's business, e.g. its models). */
  | 'top-level'
  /** A list: its top-level fields, and the item this run created, found by id. */
  | { list: string; item: ValueName };

export interface FormatRule {
  /** What the value must be, in words, for the report. */
  describe: string;
  /** A credential: the report shows its shape (length, scheme), never its text. */
  secret?: boolean;
  check(value: unknown, context: StepContext, body: unknown): boolean;
}

/** Path in a body (`virtual_key.id`, `data[@vk.id].created_at`) → the rule its value must follow (format-rules.ts has them). */
export type FormatChecks = Readonly<Record<string, FormatRule>>;

export type ResourceKind = 'virtual-key' | 'api-key' | 'vine-key';

export interface Step {
  /** Stable id (`vk.create`), used by the report, the known differences and the docs. */
  id: string;
  part: Part;
  title: string;
  request(context: StepContext): StepRequest;
  /** Facts of this answer both sides must agree on (computed before `capture`). */
  facts?(answer: Answer, context: StepContext): Record<string, Fact>;
  /** Values for later steps, from this side's answer. */
  capture?(answer: Answer, set: (name: ValueName, value: string) => void, context: StepContext): void;
  /** Default "full". */
  shape?: ShapeRule;
  /** Format rules for values that differ by nature (ids, secrets, times), by path in the body. */
  formats?: FormatChecks;
  /** A 2xx answer to this step made something that must be revoked at the end. */
  creates?: ResourceKind;
  /** A 2xx answer (409 for an API key: already revoked) means the key with this side's `value` id is revoked. */
  revokes?: { kind: ResourceKind; value: ValueName };
  /**
   * Repeat the request until the answer is not 200, measuring the time from the named step's
   * answer: the data plane learning of a revocation. The mock's clock is moved; the target is polled.
   */
  pollUntilRejected?: { from: string };
}
